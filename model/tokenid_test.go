package model

import (
	"strings"
	"testing"
)

func TestValidateTokenID(t *testing.T) {
	const missing = "invalid_request_error resource_missing "
	for _, c := range []struct {
		id, want, shown, hidden string
	}{
		{id: "tok_visa"},
		{id: "tok_1QxAbCdEfGh0123"},
		{id: "btok_1Qx"}, {id: "pii_1Qx"}, {id: "ct_1Qx"}, {id: "cpt_1Qx"}, {id: "cvctok_1Qx"},
		{id: "tok_visa_chargeDeclined"},
		{id: "", want: "invalid_request_error parameter_missing id"},
		{id: "  ", want: "invalid_request_error parameter_missing id"},
		{id: "tok_", want: missing + "id", shown: "'tok_'"},
		{id: "tok visa", want: missing + "id", shown: "'tok visa'"},
		{id: "4242424242424242", want: missing + "id", shown: "ending 4242", hidden: "4242424242424242"},
		{id: "4000 0000 0000 9995", want: missing + "id", shown: "ending 9995", hidden: "0000 0000"},
		{id: "123456789", want: missing + "id", shown: "'•••• 6789'", hidden: "12345"},
		{id: "../../etc/passwd", want: missing + "id", shown: "'../../etc/passwd'"},
		{id: "tok_../../etc/passwd", want: missing + "id"},
		{id: "tok_a/b", want: missing + "id"},
		{id: "tok_a?expand[]=x", want: missing + "id"},
		{id: "tok_\x1b[2J", want: missing + "id", shown: `'tok_\x1b[2J'`},
		{id: "cus_123", want: missing + "id"},
		{id: "tok_" + strings.Repeat("a", 252), want: missing + "id"},
	} {
		fe := ValidateTokenID(c.id, ParamTokenID)
		check(t, c.id, fe, c.want)
		if fe == nil {
			continue
		}
		if c.shown != "" && !strings.Contains(fe.Message, c.shown) {
			t.Errorf("%q: message %q does not show %s", c.id, fe.Message, c.shown)
		}
		if c.hidden != "" && strings.Contains(fe.Message, c.hidden) {
			t.Errorf("%q: message %q repeats the number", c.id, fe.Message)
		}
	}
	if fe := ValidateTokenID("tok_"+strings.Repeat("a", 251), ParamSource); fe != nil {
		t.Errorf("a 255-character id refused: %v", fe)
	}
}

// A use names its token in source; a card number there is never sent.
func TestValidateUseChecksTheTokenID(t *testing.T) {
	fe, _ := ValidateUse(UseRequest{TokenID: "4000000000009995", Kind: UseCharge, Amount: 100, Currency: "usd"}).(*FieldError)
	check(t, "card number as source", fe, "invalid_request_error resource_missing source")
}

// FuzzValidateTokenID: an accepted id is safe in a URL path; a refusal
// never repeats nine digits in a row.
func FuzzValidateTokenID(f *testing.F) {
	for _, s := range []string{"tok_visa", "tok visa", "4242424242424242", "../../etc/passwd", "", "tok_\u00e9", "pii_000000000"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, id string) {
		fe := ValidateTokenID(id, ParamTokenID)
		if fe == nil {
			if strings.ContainsAny(id, "/?#%. +\\") || len(id) > maxTokenIDLen {
				t.Fatalf("accepted %q", id)
			}
			return
		}
		run := 0
		for i := 0; i < len(fe.Message); i++ {
			if isDigit(fe.Message[i]) {
				run++
				if run >= 9 {
					t.Fatalf("message repeats a long number: %q", fe.Message)
				}
			} else {
				run = 0
			}
		}
	})
}
