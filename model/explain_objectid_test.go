package model

import (
	"strings"
	"testing"
)

// An account id of the wrong form (the PII use's account field) is not
// explained as a token id: accounts are not in the list, and tok_visa
// is no account.
func TestMalformedAccountIDIsNotExplainedAsAToken(t *testing.T) {
	e, ok := Explained(ValidateObjectID("acct x;rm", "account", "account", "acct_"))
	if !ok {
		t.Fatal("no explanation")
	}
	for _, s := range []string{e.Why, e.Next, e.NextTUI} {
		if strings.Contains(s, "tok_visa") || strings.Contains(s, "token id") || strings.Contains(s, "list (y)") {
			t.Errorf("advice for a token id: %q", s)
		}
	}
	if !strings.Contains(e.Why, "account id") || e.NextTUI == "" {
		t.Errorf("why %q, next in the TUI %q", e.Why, e.NextTUI)
	}
	tok, _ := Explained(ValidateTokenID("x;rm", ParamTokenID))
	if !strings.Contains(tok.NextTUI, "tok_visa") {
		t.Errorf("a token id's advice lost its magic token: %q", tok.NextTUI)
	}
}
