package model

import "testing"

// Every TUI step belongs to an explanation (else it is never shown), and
// the refusals of the object pane's moves are explained with their keys.
func TestExplainTUINextSteps(t *testing.T) {
	for key := range tuiNext {
		if _, ok := explanations[key]; !ok {
			t.Errorf("%q has a TUI step but no explanation", key)
		}
	}
	for _, c := range []struct {
		e    Error
		want string
	}{
		{Error{Type: TypeInvalidRequest, Code: "charge_disputed", Param: "charge"}, tuiNext["charge_disputed"]},
		{Error{Type: TypeInvalidRequest, Code: "amount_too_large", Param: "amount_to_capture"}, tuiNext["amount_too_large@amount_to_capture"]},
		{Error{Type: TypeInvalidRequest, Code: "amount_too_large", Param: "amount"}, tuiNext["amount_too_large"]},
		{Error{Type: TypeInvalidRequest, Message: "This dispute is already closed (won)."}, tuiNext[msgDisputeClosed]},
		{Error{Type: TypeCardError, Code: "token_already_used"}, nextNewTokenTUI}, // its own TUI step wins
	} {
		c.e.Explain()
		if c.e.NextTUI != c.want || c.want == "" {
			t.Errorf("%s@%s %q: TUI step %q, want %q", c.e.Code, c.e.Param, c.e.Message, c.e.NextTUI, c.want)
		}
	}
	// A form's own check of an amount (over Stripe's largest) is shown in
	// the form: the pane's "b opens the form" is no step there.
	_, fe := ParseAmount(ParamAmount, "999999999999")
	if e, ok := Explained(fe); !ok || e.NextTUI != "" {
		t.Errorf("a local amount_too_large has the pane's TUI step %q", e.NextTUI)
	}
}
