package emulator

import "net/http"

// Unavailable answers every request with err, why the emulator could not
// start (a damaged file in its dir, named): Stripe's api_error with the
// fault's code (emulator_corrupt), not to be retried. A program on the
// state dir (the TUI, list, report) still opens on the state, and says
// why where a request is made, instead of not starting at all.
func Unavailable(err error) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		res := errorResponse(apiFault(err), newID("req_", shortID))
		h := w.Header()
		h.Set("Content-Type", "application/json")
		h.Set("Request-Id", res.requestID)
		h.Set("Stripe-Should-Retry", "false")
		w.WriteHeader(res.status)
		_, _ = w.Write(res.body)
	})
}
