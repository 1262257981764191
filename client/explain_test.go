package client_test

import (
	"fmt"
	"net/http"
	"testing"

	"github.com/tokenscope/tokenscope/client"
)

// Every failure has a plain why and next: each of Stripe's error types
// without a code, a code no table knows, a type no table knows.
func TestEveryErrorIsExplained(t *testing.T) {
	for _, c := range []struct {
		typ, code string
		status    int
	}{
		{"api_error", "", http.StatusInternalServerError},
		{"card_error", "", http.StatusPaymentRequired},
		{"invalid_request_error", "", http.StatusBadRequest},
		{"idempotency_error", "", http.StatusBadRequest},
		{"authentication_error", "", http.StatusForbidden},
		{"rate_limit_error", "", http.StatusServiceUnavailable},
		{"invalid_request_error", "parameter_unknown_to_tokenscope", http.StatusBadRequest},
		{"brand_new_error", "", http.StatusBadRequest},
	} {
		body := fmt.Sprintf(`{"error":{"type":%q,"code":%q,"message":"m"}}`, c.typ, c.code)
		cl, _ := client.New(client.Config{Handler: answer(c.status, body)})
		_, err := cl.Get(t.Context(), "tok_1")
		e, ok := client.AsError(err)
		if !ok || e.Why == "" || e.Next == "" {
			t.Errorf("%s %q (HTTP %d): why %q next %q (%v)", c.typ, c.code, c.status, e.Why, e.Next, err)
		}
	}
	if _, err := (&client.Client{}).Get(t.Context(), ""); err == nil {
		t.Fatal("an empty id was accepted")
	} else if e, _ := client.AsError(err); e == nil || e.Why == "" || e.Next == "" {
		t.Errorf("parameter_missing: %#v", err)
	}
	e, _ := client.AsError(func() error { _, err := (&client.Client{}).Get(t.Context(), "tok visa"); return err }())
	if e == nil || e.Why == "" {
		t.Errorf("a bad id: %#v", e)
	}
	if _, err := client.New(client.Config{}); err != nil {
		if e, _ := client.AsError(err); e.Why == "" {
			t.Errorf("no key: %#v", e)
		}
	}
}
