package webhook

import (
	"context"
	"slices"
	"testing"
	"time"

	"github.com/stripe/stripe-go/v85"
	stripehook "github.com/stripe/stripe-go/v85/webhook"
)

func TestSignIsWhatStripeGoVerifies(t *testing.T) {
	secret := NewSecret()
	body := []byte(`{"id":"evt_1","object":"event","api_version":"` + stripe.APIVersion + `","type":"charge.succeeded","data":{"object":{}}}`)
	header := Sign(secret, time.Now(), body)
	if _, err := stripehook.ConstructEvent(body, header, secret); err != nil {
		t.Fatalf("stripe-go refuses the signature: %v", err)
	}
	body[len(body)-2] = ' '
	if _, err := stripehook.ConstructEvent(body, header, secret); err == nil {
		t.Error("a tampered body passed")
	}
	old := Sign(secret, time.Now().Add(-time.Hour), body)
	if _, err := stripehook.ConstructEvent(body, old, secret); err == nil {
		t.Error("an hour-old signature passed")
	}
}

func TestRetryStopsAtSuccessOrItsBound(t *testing.T) {
	var waited []time.Duration
	r := Retry{Attempts: 4, Sleep: func(_ context.Context, d time.Duration) error {
		waited = append(waited, d)
		return nil
	}}
	statuses := []int{500, 0, 200, 200}
	n := 0
	got := r.Do(context.Background(), func() Attempt { n++; return Attempt{Status: statuses[n-1]} }, nil)
	if len(got) != 3 || !slices.Equal(waited, []time.Duration{time.Second, 2 * time.Second}) {
		t.Errorf("attempts %v, waits %v", got, waited)
	}
	waited, n = nil, 0
	got = r.Do(context.Background(), func() Attempt { n++; return Attempt{Status: 503} }, nil)
	if len(got) != 4 || len(waited) != 3 {
		t.Errorf("a receiver always failing: %d attempts, %d waits", len(got), len(waited))
	}
	if (Retry{Attempts: 1000}).Max() != maxAttempts {
		t.Error("attempts are not bounded")
	}
	if got := (Retry{Attempts: 3}).Schedule(time.Second); got != 6*time.Second {
		t.Errorf("schedule %v, want 3 attempts of 1s and waits of 1s, 2s", got)
	}
}
