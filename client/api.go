package client

import (
	"context"

	"github.com/tokenscope/tokenscope/model"
)

// API is everything the UI and the commands ask of Stripe. One implementation
// speaks HTTP through stripe-go to whichever backend was chosen (the offline
// emulator, stripe-mock, Stripe's test mode); tests may substitute fakes.
//
// Every method returns a *Error (errors.As) when Stripe or a local check
// refused, so callers can show type, code, param, request id and explanation.
type API interface {
	// Create makes a token. Inputs are validated locally first; a request
	// that fails validation is never sent.
	Create(ctx context.Context, req model.TokenRequest) (model.Record, error)
	// Get retrieves a token by id, magic test tokens such as tok_visa too.
	Get(ctx context.Context, id string) (model.Record, error)
	// Use consumes a token by a customer or a charge. The returned Use is
	// filled in for a decline as well (with the failed charge's id), together
	// with a non-nil error.
	Use(ctx context.Context, req model.UseRequest) (model.Use, error)
	// Backend describes where requests go.
	Backend() Backend
	// Log is the in-memory request log.
	Log() *RequestLog
}

// BackendKind tells the three backends apart.
type BackendKind string

// The backends tokenscope can talk to.
const (
	Offline    BackendKind = "offline"
	StripeTest BackendKind = "test"
	BaseURL    BackendKind = "url"
)

// Backend says where requests go and which state workspace belongs to it.
type Backend struct {
	Kind BackendKind
	// URL is the API base ("https://api.stripe.com", "http://127.0.0.1:12111").
	URL string
	// KeyLast4 is the last four characters of the key, for the header.
	KeyLast4 string
	// Workspace names the state workspace: "offline", "test:<key fingerprint>",
	// or "url:<base URL>".
	Workspace string
	// Publishable is true for pk_test_ keys, which can create but not retrieve.
	Publishable bool
}

// Label is the header text: "OFFLINE emulator (no key)", "TEST ••••4242",
// "http://127.0.0.1:12111".
func (b Backend) Label() string {
	switch b.Kind {
	case Offline:
		return "OFFLINE emulator (no key)"
	case StripeTest:
		return "TEST key ••••" + b.KeyLast4
	}
	return b.URL
}
