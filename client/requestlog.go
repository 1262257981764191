package client

import (
	"bytes"
	"io"
	"net/http"
	"net/url"
	"strings"
	"sync"
	"time"

	"github.com/tokenscope/tokenscope/model"
)

// DefaultLogSize is how many requests the log keeps when Config.LogSize is 0.
const DefaultLogSize = 500

// RequestLog is a bounded, in-memory ring of the latest requests. It never
// writes anywhere: a terminal UI must not be scribbled on by a logger.
type RequestLog struct {
	mu   sync.Mutex
	ring []model.LoggedRequest
	next int // index of the next write
	full bool
	// keep hears of each request after it is logged (the workspace's
	// journal in the state dir); nil: no one.
	keep func(model.LoggedRequest)
}

// Keep has fn hear of every request logged from now on, after it is in
// the ring: the service keeps the log in the state dir through it.
func (l *RequestLog) Keep(fn func(model.LoggedRequest)) {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.keep = fn
}

// NewRequestLog keeps the last size entries (DefaultLogSize when size <= 0).
func NewRequestLog(size int) *RequestLog {
	if size <= 0 {
		size = DefaultLogSize
	}
	return &RequestLog{ring: make([]model.LoggedRequest, size)}
}

// add logs e; keep hears of it unless cancelled: a request the user (or
// the program's end) cancelled is shown while the program runs, but not
// kept after it, as nothing came of it, and a write then could outlive
// the program's state dir.
func (l *RequestLog) add(e model.LoggedRequest, cancelled bool) {
	l.mu.Lock()
	l.ring[l.next] = e
	l.next = (l.next + 1) % len(l.ring)
	if l.next == 0 {
		l.full = true
	}
	keep := l.keep
	l.mu.Unlock()
	if keep != nil && !cancelled {
		keep(e)
	}
}

// Entries returns a copy of the log, oldest first.
func (l *RequestLog) Entries() []model.LoggedRequest {
	l.mu.Lock()
	defer l.mu.Unlock()
	if !l.full {
		return append([]model.LoggedRequest(nil), l.ring[:l.next]...)
	}
	out := make([]model.LoggedRequest, 0, len(l.ring))
	out = append(out, l.ring[l.next:]...)
	return append(out, l.ring[:l.next]...)
}

// logTransport records every round trip (each retry too) into log.
type logTransport struct {
	next http.RoundTripper
	log  *RequestLog
}

func (t logTransport) RoundTrip(req *http.Request) (*http.Response, error) {
	if unlogged(req.Context()) {
		return t.next.RoundTrip(req)
	}
	e := model.LoggedRequest{
		Time:           time.Now(),
		Method:         req.Method,
		Path:           req.URL.Path,
		IdempotencyKey: req.Header.Get("Idempotency-Key"),
	}
	if req.Body != nil && req.Body != http.NoBody {
		body, err := io.ReadAll(req.Body)
		req.Body.Close()
		if err != nil {
			return nil, err
		}
		e.Body = RedactForm(string(body))
		e.TestData, e.StandIn = testDataOf(string(body), e.Time)
		req.Body = io.NopCloser(bytes.NewReader(body))
	}
	res, err := t.next.RoundTrip(req)
	e.Latency = time.Since(e.Time)
	if err != nil {
		e.Err = err.Error()
	} else {
		e.Status = res.StatusCode
		e.RequestID = res.Header.Get("Request-Id")
		e.Replayed = res.Header.Get("Idempotent-Replayed") == "true"
		if err := keepResponse(res, &e); err != nil {
			return nil, err
		}
	}
	t.log.add(e, req.Context().Err() != nil)
	return res, err
}

// keepResponse reads the answer's body into e (masked, cut at
// model.MaxLoggedResponse) and puts it back for stripe-go to read. It
// reads what stripe-go would read anyway, under the client's timeout.
func keepResponse(res *http.Response, e *model.LoggedRequest) error {
	if res.Body == nil || res.Body == http.NoBody {
		return nil
	}
	body, err := io.ReadAll(res.Body)
	res.Body.Close()
	if err != nil {
		return err
	}
	res.Body = io.NopCloser(bytes.NewReader(body))
	if len(body) > model.MaxLoggedResponse {
		body, e.ResponseCut = body[:model.MaxLoggedResponse], true
	}
	e.Response = model.MaskSecrets(string(bytes.ToValidUTF8(body, []byte("?"))))
	return nil
}

// testDataOf names the published test data that stands for the secrets of
// a create request's form body (model.TestDataOf), computed while the
// values are still in memory; only the preset's name is logged.
func testDataOf(body string, now time.Time) (preset string, standIn bool) {
	form, err := url.ParseQuery(body)
	if err != nil {
		return "", false
	}
	p, exact, ok := model.TestDataOf(form.Get, now)
	return p, ok && !exact
}

// RedactForm renders a form-encoded body for people, decoded, with card and
// account numbers cut to their last four and CVCs and id numbers replaced by
// "(sensitive)". A body that does not parse is dropped whole rather than
// risk showing a secret.
func RedactForm(body string) string {
	if body == "" {
		return ""
	}
	var out []string
	for _, pair := range strings.Split(body, "&") {
		k, v, _ := strings.Cut(pair, "=")
		key, err1 := url.QueryUnescape(k)
		val, err2 := url.QueryUnescape(v)
		if err1 != nil || err2 != nil {
			return "(unreadable body)"
		}
		out = append(out, key+"="+redactValue(key, val))
	}
	return strings.Join(out, "&")
}

// redactValue masks by the last bracketed part of the key, so nested forms
// (account[individual][id_number]) are covered as well as pii[id_number].
func redactValue(key, val string) string {
	field := key
	if i := strings.LastIndex(key, "["); i >= 0 {
		field = strings.TrimSuffix(key[i+1:], "]")
	}
	switch field {
	case "number", "account_number":
		return "•••• " + model.Last4(val)
	case "cvc", "id_number", "ssn_last_4", "personal_id_number":
		return model.Sensitive
	}
	return val
}
