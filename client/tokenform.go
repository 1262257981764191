package client

import (
	"context"
	"sort"

	"github.com/stripe/stripe-go/v85"
	"github.com/stripe/stripe-go/v85/form"

	"github.com/tokenscope/tokenscope/model"
)

// tokenForm is the body of POST /v1/tokens as the kind registry describes
// it (model.Creator.Params): only inputs that were given are sent, so
// Stripe's defaults apply to the rest. stripe-go's typed params would need
// a case per kind; this sends any registered kind.
type tokenForm struct {
	stripe.Params `form:"*"`
	pairs         [][2]string `form:"-"`
}

func newTokenForm(ctx context.Context, req model.TokenRequest) *tokenForm {
	f := &tokenForm{}
	f.Context = ctx
	setKey(&f.Params, req.IdempotencyKey)
	if s, ok := model.SpecOf(req.Kind); ok && s.Create != nil {
		f.pairs = s.Create.Params(req)
	}
	// In key order, as stripe-go encodes its typed params, so the request
	// log reads the same whatever the kind.
	sort.SliceStable(f.pairs, func(i, j int) bool { return f.pairs[i][0] < f.pairs[j][0] })
	return f
}

// AppendTo implements form.Appender.
func (f *tokenForm) AppendTo(body *form.Values, _ []string) {
	for _, p := range f.pairs {
		body.Add(p[0], p[1])
	}
}
