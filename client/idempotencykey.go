package client

import "context"

// An object's move (a capture, a verification, a dispute's answer…)
// takes no request struct with a key of its own: the service's
// write-ahead record gives the key in the context, so that a move sent
// again (after a cancel, or by the next tokenscope) carries the key it was
// first sent with and the API answers it with the first result.

type idempotencyKey struct{}

// WithIdempotencyKey is ctx whose writes send key as the Idempotency-Key.
func WithIdempotencyKey(ctx context.Context, key string) context.Context {
	return context.WithValue(ctx, idempotencyKey{}, key)
}

// KeyOf is the key WithIdempotencyKey put in ctx; "" lets setKey make one.
func KeyOf(ctx context.Context) string {
	k, _ := ctx.Value(idempotencyKey{}).(string)
	return k
}
