package emulator

import (
	"net/http"
	"sync"
	"testing"
	"time"

	"github.com/stripe/stripe-go/v85"
)

func TestIdempotentReplay(t *testing.T) {
	e, _ := New(Options{Now: clock})
	key := map[string]string{"Idempotency-Key": "k1"}
	body := "card[number]=4242424242424242&card[exp_month]=12&card[exp_year]=2031&card[cvc]=123"
	first := do(t, e, "POST", "/v1/tokens", testKey, body, key)
	again := do(t, e, "POST", "/v1/tokens", testKey, body, key)
	if first.Code != 200 || again.Code != 200 || first.Body.String() != again.Body.String() {
		t.Fatalf("replay differs:\n%d %s\n%d %s", first.Code, first.Body, again.Code, again.Body)
	}
	// A replay is a request of its own: a new Request-Id, and the first
	// request's in Original-Request.
	if id := again.Header().Get("Request-Id"); id == first.Header().Get("Request-Id") || !requestIDPattern.MatchString(id) ||
		again.Header().Get("Original-Request") != first.Header().Get("Request-Id") {
		t.Errorf("replay request id %q / original %q, want %q", again.Header().Get("Request-Id"), again.Header().Get("Original-Request"), first.Header().Get("Request-Id"))
	}
	if first.Header().Get("Idempotent-Replayed") != "" || again.Header().Get("Idempotent-Replayed") != "true" {
		t.Errorf("Idempotent-Replayed %q then %q", first.Header().Get("Idempotent-Replayed"), again.Header().Get("Idempotent-Replayed"))
	}
	if n := stored(e, tokensColl); n != 1 {
		t.Errorf("%d tokens after a replay, want 1", n)
	}

	other := do(t, e, "POST", "/v1/tokens", testKey, body+"&card[name]=Jenny", key)
	got := errorBody(t, other)
	if other.Code != 400 || got.Type != "idempotency_error" || got.Message[:len("Keys for idempotent requests can only be used with the same parameters")] != "Keys for idempotent requests can only be used with the same parameters" {
		t.Errorf("%d %+v", other.Code, got)
	}
	// On another endpoint, Stripe's message names both.
	path := do(t, e, "POST", "/v1/customers", testKey, "", key)
	want := "Keys for idempotent requests can only be used for the same endpoint they were first used for ('/v1/tokens' vs '/v1/customers'). Try using a key other than 'k1' if you meant to execute a different request."
	if got := errorBody(t, path); path.Code != 400 || got.Type != "idempotency_error" || got.Message != want {
		t.Errorf("the same key on another endpoint: %d %s", path.Code, path.Body)
	}
}

// TestIdempotentDecline: a retried decline gets the same failed charge, not
// token_already_used, and makes no second charge.
func TestIdempotentDecline(t *testing.T) {
	e, srv := newServer(t, "")
	c := newClient(srv.URL, testKey)
	tok, _ := c.V1Tokens.Create(ctx, cardParams(t, "4000000000000002"))
	var charges []string
	for range 2 {
		p := chargeWith(tok.ID)
		p.SetIdempotencyKey("charge-once")
		_, err := c.V1Charges.Create(ctx, p)
		se := stripeErr(t, err, http.StatusPaymentRequired, stripe.ErrorTypeCard, "card_declined")
		charges = append(charges, se.ChargeID)
	}
	if charges[0] != charges[1] || stored(e, chargesColl) != 1 {
		t.Errorf("charges %v, %d stored", charges, stored(e, chargesColl))
	}
}

// TestIdempotencyKeepsOnlyResults: a refused request is not stored, so the
// corrected request may reuse the key; keys expire after 24 hours.
func TestIdempotencyKeepsOnlyResults(t *testing.T) {
	now := fixedNow
	var mu sync.Mutex
	e, _ := New(Options{Now: func() time.Time { mu.Lock(); defer mu.Unlock(); return now }})
	key := map[string]string{"Idempotency-Key": "k"}
	if rec := do(t, e, "POST", "/v1/charges", testKey, "amount=10&currency=usd&source=tok_visa", key); rec.Code != 400 {
		t.Fatalf("%d %s", rec.Code, rec.Body)
	}
	if rec := do(t, e, "POST", "/v1/charges", testKey, "amount=1000&currency=usd&source=tok_visa", key); rec.Code != 200 {
		t.Fatalf("corrected request: %d %s", rec.Code, rec.Body)
	}
	if rec := do(t, e, "POST", "/v1/charges", testKey, "amount=2000&currency=usd&source=tok_visa", key); rec.Code != 400 {
		t.Fatalf("other parameters within 24h: %d %s", rec.Code, rec.Body)
	}
	mu.Lock()
	now = now.Add(idempotencyTTL + time.Minute)
	mu.Unlock()
	if rec := do(t, e, "POST", "/v1/charges", testKey, "amount=2000&currency=usd&source=tok_visa", key); rec.Code != 200 {
		t.Fatalf("after 24h: %d %s", rec.Code, rec.Body)
	}
}
