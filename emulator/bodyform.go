package emulator

import (
	"fmt"
	"mime"
	"net/http"
	"net/url"
	"strings"

	"github.com/tokenscope/tokenscope/model"
)

// maxParams is how many parameters a query or a body may hold: what
// net/url parses (it refuses more, and url.Values.Query then drops them
// all without a word).
const maxParams = 10000

// tooManyParams refuses a query or a body with more parameters than
// net/url parses.
func tooManyParams(what, raw string) *model.Error {
	if n := strings.Count(raw, "&") + 1; n > maxParams {
		return invalid("", "", fmt.Sprintf("Invalid request: the %s has %d parameters; the emulator takes at most %d.", what, n, maxParams))
	}
	return nil
}

// parseBody parses a POST body as form parameters, naming what is wrong
// with one that is not: too many parameters, JSON (Stripe's v1 API takes
// forms only, and says to check the content type), or a broken escape.
func parseBody(r *http.Request, raw string) (url.Values, *model.Error) {
	if e := tooManyParams("body", raw); e != nil {
		return nil, e
	}
	if isJSON(r, raw) {
		return nil, invalid("", "", "Invalid request (check that your POST content type is application/x-www-form-urlencoded): "+
			"the body is JSON, and Stripe's API takes form-encoded parameters (email=jenny%40example.com&metadata[order]=6735).")
	}
	form, err := url.ParseQuery(raw)
	if err != nil {
		return nil, invalid("", "", "Invalid request: the body is not form-encoded (application/x-www-form-urlencoded).")
	}
	return form, nil
}

// isJSON reports whether a body is sent as JSON, by its Content-Type or
// its first byte: no form parameter of Stripe's begins with a brace.
func isJSON(r *http.Request, body string) bool {
	if mt, _, err := mime.ParseMediaType(r.Header.Get("Content-Type")); err == nil && (mt == "application/json" || strings.HasSuffix(mt, "+json")) {
		return true
	}
	return strings.HasPrefix(strings.TrimLeft(body, " \t\r\n"), "{")
}
