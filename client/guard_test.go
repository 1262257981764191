package client_test

import (
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/tokenscope/tokenscope/client"
	"github.com/tokenscope/tokenscope/model"
)

// serveTokens is a server on 127.0.0.1 answering every request with body
// and counting the requests; it returns a client on it.
func serveTokens(t *testing.T, body func(r *http.Request) string) (*client.Client, *int) {
	t.Helper()
	n := new(int)
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		*n++
		w.Header().Set("Request-Id", "req_guard")
		_, _ = w.Write([]byte(body(r)))
	}))
	t.Cleanup(srv.Close)
	c, err := client.New(client.Config{BaseURL: srv.URL})
	if err != nil {
		t.Fatal(err)
	}
	return c, n
}

func token(id string) string {
	return `{"id":"` + id + `","object":"token","type":"card","livemode":false,"created":1,"used":false,"card":{"id":"card_1","object":"card","brand":"Visa","last4":"4242","exp_month":12,"exp_year":2034}}`
}

// An answer larger than MaxResponse is refused with a *model.Error naming
// the request and the limit, not read whole and stored.
func TestResponseSizeBounded(t *testing.T) {
	huge := token("tok_big")
	huge = huge[:len(huge)-1] + `,"pad":"` + strings.Repeat("x", client.MaxResponse) + `"}`
	c, _ := serveTokens(t, func(*http.Request) string { return huge })
	_, err := c.Get(t.Context(), "tok_big")
	e, ok := model.AsError(err)
	if !ok || e.Code != model.CodeResponseTooLarge || !strings.Contains(e.Message, "/v1/tokens/tok_big") || e.RequestID != "req_guard" || e.Why == "" {
		t.Fatalf("a %d-byte answer: %#v", len(huge), err)
	}
	// Just under the limit is read.
	c, _ = serveTokens(t, func(*http.Request) string { return token("tok_small") })
	if _, err := c.Get(t.Context(), "tok_small"); err != nil {
		t.Fatal(err)
	}
}

// A GET of one object answered with another object is refused; a magic
// token, which Stripe answers with a fresh id, is not.
func TestResponseForAnotherIDRefused(t *testing.T) {
	c, _ := serveTokens(t, func(*http.Request) string { return token("tok_someoneelse") })
	_, err := c.Get(t.Context(), "tok_asked")
	e, ok := model.AsError(err)
	if !ok || e.Code != model.CodeResponseIDMismatch || !strings.Contains(e.Message, "tok_asked") || !strings.Contains(e.Message, "tok_someoneelse") {
		t.Fatalf("an answer for another token: %#v", err)
	}
	rec, err := c.Get(t.Context(), "tok_visa")
	if err != nil || rec.ID != "tok_someoneelse" {
		t.Fatalf("a magic token's fresh id: %v %v", rec.ID, err)
	}
}
