package testio

import (
	"fmt"
	"net/http"
	"sync/atomic"
	"testing"

	"github.com/tokenscope/tokenscope/model"
)

// Counting wraps a handler and counts the requests that reach it.
type Counting struct {
	N atomic.Int64
	H http.Handler
}

func (c *Counting) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	c.N.Add(1)
	c.H.ServeHTTP(w, r)
}

// Answer is a handler that gives every request the same Stripe-like reply,
// with request ids req_fake1, req_fake2, ...
func Answer(status int, body string) http.Handler {
	var n atomic.Int64
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		w.Header().Set("Request-Id", fmt.Sprintf("req_fake%d", n.Add(1)))
		w.WriteHeader(status)
		fmt.Fprint(w, body)
	})
}

// MissingToken is Stripe's answer to a token id it does not know.
const MissingToken = `{"error":{"type":"invalid_request_error","code":"resource_missing","param":"token","message":"No such token: 'tok_x'"}}`

// Preset is the token request of a catalog preset.
func Preset(t testing.TB, name string) model.TokenRequest {
	t.Helper()
	req, err := model.FromPreset(name)
	if err != nil {
		t.Fatal(err)
	}
	return req
}
