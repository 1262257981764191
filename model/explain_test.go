package model

import "testing"

// Every decline code and tokenization code of the catalog has an
// explanation, and it is the card's own Explain text.
func TestEveryCatalogCodeExplained(t *testing.T) {
	for _, c := range Cards {
		for _, code := range []string{c.Outcome.DeclineCode, c.Outcome.Code, c.TokenizeCode} {
			if code == "" {
				continue
			}
			x, ok := Explain(code)
			if !ok || x.Why == "" || x.Next == "" {
				t.Errorf("%s: code %s has no explanation", c.Name, code)
			}
		}
		if d := c.Outcome.DeclineCode; d != "" {
			first, _ := CardForDecline(d)
			if x, _ := Explain(d); x.Why != first.Explain {
				t.Errorf("%s: Why %q is not the catalog's Explain", d, x.Why)
			}
		}
	}
	for _, code := range []string{"incorrect_number", "invalid_number", "invalid_expiry_month", "invalid_expiry_year",
		"invalid_cvc", "token_already_used", "resource_missing", "rate_limit", "idempotency_error", "test_mode_live_card"} {
		if _, ok := Explain(code); !ok {
			t.Errorf("no explanation for %s", code)
		}
	}
}

// Explained explains a local check's FieldError and leaves an Error as it
// is.
func TestExplained(t *testing.T) {
	fe := ValidateNumber("4242424242424241", false)
	e, ok := Explained(fe)
	if !ok || !e.Local || e.Code != "incorrect_number" || e.Why == "" || e.Next == "" {
		t.Errorf("Explained(FieldError) = %+v, %v", e, ok)
	}
	bare := &Error{Type: TypeAPIError}
	if e, _ := Explained(bare); e != bare || e.Why != "" {
		t.Errorf("Explained changed an Error: %+v", e)
	}
}
