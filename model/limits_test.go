package model

import (
	"strings"
	"testing"
	"time"
)

// An amount typed on the command line is a whole number from 1 to
// 99999999; a refusal names the param and Stripe's code, never the Go
// parser nor the digits typed (a long run may be a card number). 0 and
// below are told the least amount, not that they are no whole number
// (testui#13).
func TestParseAmount(t *testing.T) {
	for _, c := range []struct {
		in   string
		want int64
		code string
		says string
	}{
		{"500", 500, "", ""}, {"99999999", 99999999, "", ""},
		{"100000000", 0, "amount_too_large", "a whole number up to 99999999"}, {"99999999999999999999", 0, "amount_too_large", "a whole number up to 99999999"},
		{"0", 0, "parameter_invalid_integer", "at least 1"}, {"-3", 0, "parameter_invalid_integer", "at least 1"}, {"000", 0, "parameter_invalid_integer", "at least 1"},
		{"1.5", 0, "parameter_invalid_integer", "a whole number up to 99999999"}, {"", 0, "parameter_invalid_integer", "a whole number up to 99999999"},
	} {
		n, fe := ParseAmount("amount", c.in)
		if c.code == "" {
			if fe != nil || n != c.want {
				t.Errorf("%q: %d %v", c.in, n, fe)
			}
			continue
		}
		if fe == nil || fe.Code != c.code || fe.Param != "amount" || !strings.HasPrefix(fe.Message, "amount: must be "+c.says) ||
			strings.Contains(fe.Message, "strconv") || (len(c.in) > 4 && strings.Contains(fe.Message, c.in)) {
			t.Errorf("%q: %+v", c.in, fe)
		}
	}
}

// A name longer than Stripe's 5000 characters is refused, naming the
// field, before it is sent or printed back.
func TestFreeTextIsBounded(t *testing.T) {
	long := strings.Repeat("a", 100_000)
	req := TokenRequest{Kind: KindCard, Card: &CardInput{Number: "4242424242424242", ExpMonth: 12, ExpYear: 2030, CVC: "123", Name: long}}
	err := Validate(req, time.Date(2026, 12, 5, 0, 0, 0, 0, time.UTC))
	fe, ok := err.(*FieldError)
	if !ok || fe.Param != ParamCardName || fe.Code != "parameter_invalid_string" || len(fe.Message) > 200 {
		t.Fatalf("%v", err)
	}
	if fe := ValidateFreeText(ParamCardName, strings.Repeat("é", MaxFreeText)); fe != nil {
		t.Errorf("5000 characters refused: %v", fe)
	}
}

// return_url is an http or https URL: javascript:, data: or an app's
// scheme would be stored and shown as a page to open.
func TestReturnURLIsHTTP(t *testing.T) {
	for _, ok := range []string{"", "https://example.com/done", "http://127.0.0.1:8080/x?y=1"} {
		if fe := ValidateReturnURL(ok); fe != nil {
			t.Errorf("%q refused: %v", ok, fe)
		}
	}
	for _, bad := range []string{"javascript:alert(1)", "data:text/html,x", "file:///etc/passwd", "myapp://done", "https://", "https://ex ample.com", "https://e.com/\x1b]52"} {
		if fe := ValidateReturnURL(bad); fe == nil || fe.Code != "url_invalid" || fe.Param != "return_url" {
			t.Errorf("%q: %v", bad, fe)
		}
	}
}

// A form shows a refusal as "param: code, message": ParseAmount's
// message, which names the param for the CLI's first line, does not
// name it twice there.
func TestAmountRefusalNamesItsFieldOnce(t *testing.T) {
	_, fe := ParseAmount("amount_to_capture", "1.5")
	if got := fe.Error(); strings.Count(got, "amount_to_capture:") != 1 || !strings.HasPrefix(got, "amount_to_capture: parameter_invalid_integer, must be") {
		t.Errorf("%q", got)
	}
}
