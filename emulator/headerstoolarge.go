package emulator

import (
	"net/http"

	"github.com/tokenscope/tokenscope/model"
)

// HeadersTooLarge is the emulator's answer to a request whose request
// line and headers are too large for the server to read (net/http's
// MaxHeaderBytes, 1 MiB): Stripe's error JSON, as for a body too large,
// so that a Stripe client reports an API error rather than a JSON one.
func (e *Emulator) HeadersTooLarge() (http.Header, []byte) {
	res := errorResponse(&model.Error{HTTPStatus: http.StatusRequestHeaderFieldsTooLarge, Type: model.TypeInvalidRequest,
		Message: "The request's URL and headers are too large: together they may be at most 1 MiB."}, newID("req_", shortID))
	h := http.Header{}
	h.Set("Content-Type", "application/json")
	h.Set("Request-Id", res.requestID)
	h.Set(versionHeader, DefaultVersion)
	return h, res.body
}
