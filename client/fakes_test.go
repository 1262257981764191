package client_test

import (
	"fmt"
	"net/http"
	"sync/atomic"
	"testing"

	"github.com/tokenscope/tokenscope/client"
)

// counting wraps a handler and counts the requests that reach it.
type counting struct {
	n atomic.Int64
	h http.Handler
}

func (c *counting) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	c.n.Add(1)
	c.h.ServeHTTP(w, r)
}

// answer is a handler that gives every request the same Stripe-like reply.
func answer(status int, body string) http.Handler {
	var n atomic.Int64
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		w.Header().Set("Request-Id", fmt.Sprintf("req_fake%d", n.Add(1)))
		w.WriteHeader(status)
		fmt.Fprint(w, body)
	})
}

const missingToken = `{"error":{"type":"invalid_request_error","code":"resource_missing","param":"token","message":"No such token: 'tok_x'"}}`

// offlineClientNoEmu is a client on a handler that knows no token.
func offlineClientNoEmu(t testing.TB, logSize int) *client.Client {
	t.Helper()
	c, err := client.New(client.Config{Handler: answer(http.StatusNotFound, missingToken), LogSize: logSize})
	if err != nil {
		t.Fatal(err)
	}
	return c
}
