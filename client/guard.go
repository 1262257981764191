package client

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"path"
	"strings"

	"github.com/tokenscope/tokenscope/model"
)

// MaxResponse bounds the answer tokenscope reads: Stripe's objects are a
// few kilobytes, a page of a hundred a few hundred. A server that sends
// more (a 200 MB answer was read and stored whole) is refused once this
// much is read.
const MaxResponse = 16 << 20

// guardTransport checks each answer before stripe-go reads it: its size
// (MaxResponse), and that a GET of one object answers with that object.
// A refusal is a *model.Error, which fromAPI passes on as it is.
type guardTransport struct{ next http.RoundTripper }

func (t guardTransport) RoundTrip(req *http.Request) (*http.Response, error) {
	res, err := t.next.RoundTrip(req)
	if err != nil {
		return nil, err
	}
	defer res.Body.Close()
	var body []byte
	if res.ContentLength <= MaxResponse {
		body, err = io.ReadAll(io.LimitReader(res.Body, MaxResponse+1))
		if err != nil {
			return nil, err
		}
	}
	if res.ContentLength > MaxResponse || len(body) > MaxResponse {
		return nil, refuseAnswer(req, res, model.CodeResponseTooLarge,
			fmt.Sprintf("the answer is larger than %d MiB, more than any Stripe object; tokenscope stopped reading it and used nothing of it", MaxResponse>>20))
	}
	if asked, got, ok := otherObject(req, res, body); !ok {
		return nil, refuseAnswer(req, res, model.CodeResponseIDMismatch,
			fmt.Sprintf("asked for %s, the answer is %s; tokenscope used nothing of it", asked, got))
	}
	res.Body = io.NopCloser(bytes.NewReader(body))
	res.ContentLength = int64(len(body))
	return res, nil
}

// otherObject checks the answer to a GET of one object (its path ends in
// an id, prefix_...): it must have that id, unless the id is a magic one
// (tok_visa), which Stripe answers with a fresh object. Lists, errors and
// other requests pass.
func otherObject(req *http.Request, res *http.Response, body []byte) (asked, got string, ok bool) {
	asked = path.Base(req.URL.Path)
	if req.Method != http.MethodGet || res.StatusCode != http.StatusOK || !strings.Contains(asked, "_") || model.IsMagicID(asked) {
		return asked, "", true
	}
	var head struct{ ID, Object string }
	if err := json.Unmarshal(body, &head); err != nil || head.Object == "list" {
		return asked, "", true // not JSON: fromAPI names the server (notStripe)
	}
	if head.ID == asked {
		return asked, head.ID, true
	}
	got = fmt.Sprintf("%q", head.ID)
	if head.ID == "" {
		got = "an object without an id"
	}
	return asked, got, false
}

func refuseAnswer(req *http.Request, res *http.Response, code, msg string) *model.Error {
	e := &model.Error{
		Type: model.TypeAPIError, Code: code,
		Message:    fmt.Sprintf("%s %s: %s", req.Method, req.URL.Path, msg),
		RequestID:  res.Header.Get("Request-Id"),
		HTTPStatus: res.StatusCode,
	}
	e.Explain()
	return e
}
