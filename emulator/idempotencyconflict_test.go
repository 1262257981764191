package emulator

import (
	"encoding/json"
	"net/http/httptest"
	"sync/atomic"
	"testing"
)

// A request with the Idempotency-Key of one still running is Stripe's 409
// idempotency_error, code idempotency_key_in_use, in Stripe's words, and
// nothing is saved for it: once the first is done, the same request
// replays the first's answer. The first is held in its
// handler by the test hook, so the requests overlap without timing.
func TestIdempotencyKeyInProgress(t *testing.T) {
	e, _ := New(Options{Now: clock})
	started, release := make(chan struct{}), make(chan struct{})
	var held atomic.Bool
	e.hookKeyed = func() { // holds the first keyed request only
		if held.CompareAndSwap(false, true) {
			close(started)
			<-release
		}
	}
	const body = "amount=1000&currency=usd&source=tok_visa"
	key := map[string]string{"Idempotency-Key": "order-42"}
	first := make(chan *httptest.ResponseRecorder)
	go func() { first <- do(t, e, "POST", "/v1/charges", testKey, body, key) }()
	<-started

	rec := do(t, e, "POST", "/v1/charges", testKey, body, key)
	got := errorBody(t, rec)
	if rec.Code != 409 || got.Type != idempotencyErr || got.Code != "idempotency_key_in_use" || got.Message != "There is currently another in-progress "+
		"request using this Idempotent Key (that probably means you submitted twice, and the other request is still going through): order-42. Please try again later." {
		t.Errorf("while the first runs: %d %+v", rec.Code, got)
	}
	if other := do(t, e, "POST", "/v1/charges", testKey, body, map[string]string{"Idempotency-Key": "order-43"}); other.Code != 200 {
		t.Errorf("another key waits on the first: %d %s", other.Code, other.Body)
	}
	close(release)
	rec1 := <-first
	if rec1.Code != 200 {
		t.Fatalf("the first: %d %s", rec1.Code, rec1.Body)
	}
	replay := do(t, e, "POST", "/v1/charges", testKey, body, key)
	var a, b struct{ ID string }
	_ = json.Unmarshal(rec1.Body.Bytes(), &a)
	_ = json.Unmarshal(replay.Body.Bytes(), &b)
	if replay.Code != 200 || replay.Header().Get("Idempotent-Replayed") != "true" || a.ID == "" || a.ID != b.ID {
		t.Errorf("after the first: %d %s (replayed %q), want %s again", replay.Code, b.ID, replay.Header().Get("Idempotent-Replayed"), a.ID)
	}
}
