package flow

import (
	"io"
	"net/http"
	"strings"
	"testing"
)

// faultyCharges answers a read of a charge as the offline emulator does
// when its store fails: Stripe's api_error whose message is the server's
// error, which names the server's file.
func faultyCharges(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Method != http.MethodGet || !strings.HasPrefix(r.URL.Path, "/v1/charges/") {
			next.ServeHTTP(w, r)
			return
		}
		h := w.Header()
		h.Set("Request-Id", "req_StoreFault1")
		h.Set("Content-Type", "application/json")
		h.Set("Stripe-Should-Retry", "false")
		w.WriteHeader(http.StatusInternalServerError)
		_, _ = io.WriteString(w, `{"error":{"type":"api_error","message":"emulator: read /srv/tokenscope/emulator/log.0: input/output error"}}`)
	})
}

// The object pane's error, for a guest of tokenscope serve, keeps
// Stripe's type and the request id but names no server path; the local
// user reads the path, which they can act on.
func TestObjectPaneErrorNamesNoServerPathToAGuest(t *testing.T) {
	for _, guest := range []bool{false, true} {
		pc, _ := newContext(t, 80, 24, setup{wrap: faultyCharges})
		pc.Guest = guest
		r := start(t, NewObject(pc, "ch_GuestPath1"), 80, 24)
		s := r.shows("api_error", "req_StoreFault1")
		if guest {
			lacks(t, s, "/srv/tokenscope")
			r.shows("emulator: read (a path on the server): input/output error")
		} else {
			r.shows("emulator: read /srv/tokenscope/emulator/log.0")
		}
	}
}
