package client

import (
	"net/http"
	"net/http/httptest"

	"github.com/tokenscope/tokenscope/model"
)

// offlineURL is the base URL of the in-process emulator
// (model.OfflineBase): handlerTransport answers every request itself.
const offlineURL = model.OfflineBase

// handlerTransport serves requests with an http.Handler in-process, so the
// offline emulator goes through exactly the same stripe-go code path as a
// real backend without opening a socket (nothing to bind, nothing another
// user of a shared host could connect to).
type handlerTransport struct{ h http.Handler }

func (t handlerTransport) RoundTrip(req *http.Request) (*http.Response, error) {
	if err := req.Context().Err(); err != nil {
		return nil, err
	}
	// A server-side request has these set; the handler may read them
	// (client_ip comes from RemoteAddr).
	in := req.Clone(req.Context())
	in.RemoteAddr = "127.0.0.1:0"
	in.RequestURI = req.URL.RequestURI()
	if in.Body == nil {
		in.Body = http.NoBody
	}
	rec := httptest.NewRecorder()
	t.h.ServeHTTP(rec, in)
	// A request cancelled while the handler ran fails as it would on the
	// network, not as a reply the handler never finished.
	if err := req.Context().Err(); err != nil {
		return nil, err
	}
	res := rec.Result()
	res.Request = req
	return res, nil
}
