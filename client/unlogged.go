package client

import "context"

type unloggedKey struct{}

// Unlogged marks the requests made under ctx as none of the request
// log's business: a live view's follow-up reads (GET /v1/events every
// 2 s against Stripe) would push out of the log the requests a person
// made, which are what it is for.
func Unlogged(ctx context.Context) context.Context {
	return context.WithValue(ctx, unloggedKey{}, true)
}

func unlogged(ctx context.Context) bool {
	v, _ := ctx.Value(unloggedKey{}).(bool)
	return v
}
