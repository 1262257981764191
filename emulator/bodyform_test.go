package emulator

import (
	"strings"
	"testing"
)

// A body the emulator cannot read as form parameters is refused naming
// why: JSON (as Stripe says it), too many parameters, or a broken escape.
func TestUnreadableBodiesSayWhy(t *testing.T) {
	e, _ := New(Options{Now: clock})
	many := strings.Repeat("expand[]=x&", 20000) + "expand[]=y"
	for _, c := range []struct {
		name, path, body, contentType, want string
	}{
		{"json", "/v1/customers", `{"email":"j@example.com"}`, "application/json", "check that your POST content type is application/x-www-form-urlencoded"},
		{"json sent as a form", "/v1/customers", ` {"email":"j@example.com"}`, "", "the body is JSON"},
		{"too many in the body", "/v1/customers", many, "", "the body has 20001 parameters; the emulator takes at most 10000"},
		{"too many in the query", "/v1/customers?" + many, "", "", "the query has 20001 parameters; the emulator takes at most 10000"},
		{"a broken escape", "/v1/customers", "email=%zz", "", "the body is not form-encoded"},
	} {
		header := map[string]string{}
		if c.contentType != "" {
			header["Content-Type"] = c.contentType
		}
		rec := do(t, e, "POST", c.path, testKey, c.body, header)
		got := errorBody(t, rec)
		if rec.Code != 400 || got.Type != "invalid_request_error" || got.Param != "" || !strings.Contains(got.Message, c.want) {
			t.Errorf("%s: %d %+v, want 400 saying %q", c.name, rec.Code, got, c.want)
		}
	}
}
