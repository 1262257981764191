package emulator

import (
	"fmt"
	"io"
	"maps"
	"net/http"
	"net/url"
	"slices"
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
func readParams(r *http.Request, ep *endpoint) (params, *model.Error) {
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
	if e := refuseCardNumbers(v); e != nil {
		return params{}, e
	}
	return params{v}, nil
}

// numberFields are the params whose value is a number the emulator reads
// and drops (tokenization keeps last4 and a fingerprint): the only ones
// where a card-like run of digits belongs. A bank account number may be
// 13 to 17 digits and pass the Luhn check by chance.
var numberFields = []string{"[number]", "[account_number]", "[id_number]", "[cvc]"}

// refuseCardNumbers refuses a card number in any other param, as the
// client's forms do (model.ValidateFreeText): a name, an address, a
// description or an email is stored and sent back in every answer, and
// the disk guard (fsutil.CheckSecrets) does not read a number grouped
// with dashes, which a UUID would look like.
func refuseCardNumbers(v url.Values) *model.Error {
	for _, k := range slices.Sorted(maps.Keys(v)) { // the same param named each time
		if slices.ContainsFunc(numberFields, func(f string) bool { return strings.HasSuffix(k, f) }) {
			continue
		}
		for _, s := range v[k] {
			if fe := model.ValidateFreeText(k, s); fe != nil {
				return fieldError(fe)
			}
		}
	}
	return nil
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
