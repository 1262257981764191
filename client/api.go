package client

import (
	"context"

	"github.com/tokenscope/tokenscope/model"
)

// API is everything the UI and the commands ask of Stripe. One implementation
// speaks HTTP through stripe-go to whichever backend was chosen (the offline
// emulator, stripe-mock, Stripe's test mode); tests may substitute fakes.
//
// Every method returns a *model.Error (errors.As) when Stripe or a local check
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
	// Refund refunds a charge or a PaymentIntent, in full or in part.
	Refund(ctx context.Context, req model.RefundRequest) (model.Object, error)
	// Verify verifies a customer's bank account by its micro-deposits.
	Verify(ctx context.Context, req model.VerifyRequest) (model.Object, error)
	// ObjectUnder retrieves an object read under its owner (card_, ba_
	// under a customer; person_ under an account); SourceOwner finds the
	// customer whose default source id is, among the newest customers.
	ObjectUnder(ctx context.Context, owner, id string) (model.Object, error)
	SourceOwner(ctx context.Context, id string) (customer string, found bool, err error)
	// DisputeOf finds a charge's dispute; Answer submits evidence to a
	// dispute, or closes it (accepting the loss).
	DisputeOf(ctx context.Context, charge string) (model.Object, bool, error)
	Answer(ctx context.Context, id, evidence string, close bool) (model.Object, error)
	// ChargeCustomer charges a customer's default source.
	ChargeCustomer(ctx context.Context, req model.CustomerCharge) (model.Object, error)
	// Object retrieves an object other than a token by its id
	// (pi_, pm_: the kinds with a model.KindSpec.Path).
	Object(ctx context.Context, id string) (model.Object, error)
	// Authenticate completes (or, fail, fails) a PaymentIntent's 3D
	// Secure challenge where tokenscope can answer it (the emulator's
	// page); elsewhere it returns the page's URL to open.
	Authenticate(ctx context.Context, id string, fail bool) (model.Challenge, error)
	// Capture captures a PaymentIntent in requires_capture, amount of it
	// (0: all); Cancel cancels one.
	Capture(ctx context.Context, id string, amount int64) (model.Object, error)
	Cancel(ctx context.Context, id string) (model.Object, error)
	// Attach attaches a PaymentMethod to a customer; Detach detaches it.
	Attach(ctx context.Context, pm, customer string) (model.Object, error)
	Detach(ctx context.Context, pm string) (model.Object, error)
	// Backend describes where requests go.
	Backend() model.Backend
	// Log is the in-memory request log.
	Log() *RequestLog
}
