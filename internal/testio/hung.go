package testio

import "net/http"

// Hung is a server that never answers the requests it matches: it holds
// each until the request's context ends, as a stalled network does, and
// reports each request ("GET /v1/tokens/tok_visa") on Held when it takes
// it and on Freed when its context lets it go.
type Hung struct {
	match       func(*http.Request) bool
	Held, Freed chan string
}

// HangOn holds the requests match picks; Wrap puts it in front of a server.
func HangOn(match func(*http.Request) bool) *Hung {
	return &Hung{match: match, Held: make(chan string, 16), Freed: make(chan string, 16)}
}

// Wrap serves what h does not hold with next.
func (h *Hung) Wrap(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if !h.match(r) {
			next.ServeHTTP(w, r)
			return
		}
		what := r.Method + " " + r.URL.Path
		h.Held <- what
		<-r.Context().Done()
		h.Freed <- what
	})
}

// Sent reports a request h holds now or held before, without waiting.
func (h *Hung) Sent() (string, bool) {
	select {
	case what := <-h.Held:
		return what, true
	default:
		return "", false
	}
}
