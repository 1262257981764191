package emulator

import (
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strconv"
	"strings"

	"github.com/tokenscope/tokenscope/model"
)

// MaxBody bounds a request body; tokenscope's requests are a few hundred
// bytes.
const MaxBody = 1 << 20

// params are a request's form parameters, as stripe-go encodes them
// (card[number]=..., expand[0]=sources).
type params struct{ url.Values }

// readParams parses the query and, for a POST, the form body, and refuses
// parameters the endpoint does not know, as Stripe does ("Received unknown
// parameter: ..."), so a client mistake shows here rather than against
// Stripe; one Stripe knows and the emulator does not model is told so
// (unmodelled.go).
func readParams(r *http.Request, ep *endpoint, allowCards bool) (params, *model.Error) {
	if e := tooManyParams("query", r.URL.RawQuery); e != nil {
		return params{}, e
	}
	v := r.URL.Query()
	if r.Method == http.MethodPost && r.Body != nil {
		body, err := io.ReadAll(io.LimitReader(r.Body, MaxBody+1))
		switch {
		case len(body) > MaxBody:
			e := invalid("", "", fmt.Sprintf("Invalid request: the body is larger than the emulator takes (%d bytes).", MaxBody))
			e.HTTPStatus = http.StatusRequestEntityTooLarge
			return params{}, e
		case err != nil:
			return params{}, invalid("", "", "Invalid request: the body could not be read.")
		}
		form, perr := parseBody(r, string(body))
		if perr != nil {
			return params{}, perr
		}
		for k, vs := range form {
			v[k] = append(v[k], vs...)
		}
	}
	for k := range v {
		if !accepted(k, ep.params) {
			return params{}, ep.refuseParam(k)
		}
	}
	if e := refuseCardNumbers(v, allowCards); e != nil {
		return params{}, e
	}
	return params{v}, nil
}

func accepted(key string, allowed []string) bool {
	for _, a := range allowed {
		if key == a || (strings.HasSuffix(a, "[") && strings.HasPrefix(key, a)) {
			return true
		}
	}
	return false
}

// get returns a trimmed value.
func (p params) get(key string) string { return strings.TrimSpace(p.Get(key)) }

// has reports whether a parameter under prefix was sent (card[...]).
func (p params) has(prefix string) bool {
	for k := range p.Values {
		if strings.HasPrefix(k, prefix) {
			return true
		}
	}
	return false
}

// integer reads an integer parameter; ok is false when it is absent, err
// set when it is not an integer (Stripe: "Invalid integer: 20.0").
func (p params) integer(key string) (n int64, ok bool, err *model.Error) {
	s := p.get(key)
	if s == "" {
		return 0, false, nil
	}
	n, perr := strconv.ParseInt(s, 10, 64)
	if perr != nil {
		return 0, true, invalid("parameter_invalid_integer", key, "Invalid integer: "+s)
	}
	return n, true, nil
}
