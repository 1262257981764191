package client_test

import (
	"strings"
	"testing"

	"github.com/tokenscope/tokenscope/internal/testio"
	"github.com/tokenscope/tokenscope/model"
)

// A request's IdempotencyKey is sent as is, so a request sent again with
// it gets what the first made (the write-ahead record's recovery), and
// the same key with other parameters is Stripe's idempotency_error.
func TestIdempotencyKeyIsSent(t *testing.T) {
	c := offlineClient(t, "")
	req := testio.Preset(t, "visa")
	req.IdempotencyKey = "tokenscope-test-create"
	first, err := c.Create(t.Context(), req)
	if err != nil {
		t.Fatal(err)
	}
	again, err := c.Create(t.Context(), req)
	if err != nil || again.ID != first.ID {
		t.Fatalf("sent again: %s %v, want %s", again.ID, err, first.ID)
	}
	log := c.Log().Entries()
	if last := log[len(log)-1]; last.IdempotencyKey != req.IdempotencyKey || !last.Replayed {
		t.Errorf("logged %+v", last)
	}
	other := testio.Preset(t, "mastercard")
	other.IdempotencyKey = req.IdempotencyKey
	if _, err := c.Create(t.Context(), other); err == nil {
		t.Error("the same key with other parameters was accepted")
	} else if e, _ := model.AsError(err); e == nil || e.Type != "idempotency_error" {
		t.Errorf("the same key with other parameters: %v", err)
	}

	use := model.UseRequest{TokenID: first.ID, Kind: model.UseCharge, Amount: 1000, Currency: "usd", IdempotencyKey: "tokenscope-test-use"}
	u1, err := c.Use(t.Context(), use)
	if err != nil {
		t.Fatal(err)
	}
	u2, err := c.Use(t.Context(), use)
	if err != nil || u2.ObjectID != u1.ObjectID {
		t.Errorf("the use sent again: %s %v, want %s (not token_already_used)", u2.ObjectID, err, u1.ObjectID)
	}
}

// A request that names no key gets one of tokenscope's own, never
// stripe-go's (a 19-digit nanosecond time, which output masking reads as
// a card number): a magic token's use and a capture are matched with
// their events by key.
func TestEveryPostCarriesATokenscopeKey(t *testing.T) {
	c := offlineClient(t, "")
	u, err := c.Use(t.Context(), model.UseRequest{TokenID: "tok_visa", Kind: model.UsePaymentIntent, Amount: 1000, Currency: "usd", CaptureMethod: "manual"})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := c.Capture(t.Context(), u.ObjectID, 0); err != nil {
		t.Fatal(err)
	}
	posts := 0
	for _, e := range c.Log().Entries() {
		if e.Method != "POST" {
			continue
		}
		posts++
		if !strings.HasPrefix(e.IdempotencyKey, "tokenscope-") || model.MaskSecrets(e.IdempotencyKey) != e.IdempotencyKey {
			t.Errorf("%s %s sent key %q", e.Method, e.Path, e.IdempotencyKey)
		}
	}
	if posts != 3 {
		t.Errorf("%d POSTs logged, want 3 (payment method, PaymentIntent, capture)", posts)
	}
}
