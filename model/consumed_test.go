package model

import (
	"strings"
	"testing"
)

func TestConsumedBy(t *testing.T) {
	charge := Use{Kind: UseCharge, ObjectID: "ch_1", Status: "failed", Code: "card_declined", DeclineCode: "insufficient_funds"}
	again := Use{Kind: UseCharge, Status: "failed", Code: CodeTokenAlreadyUsed}
	cases := []struct {
		name      string
		uses      []Use
		first     string
		later     int
		wantFound bool
	}{
		{"none", nil, "", 0, false},
		{"one", []Use{charge}, "ch_1", 0, true},
		{"refused after", []Use{charge, again, again}, "ch_1", 2, true},
		{"used elsewhere", []Use{again, again}, "", 2, false},
		{"refused before (used elsewhere), then nothing consumes", []Use{again, charge}, "ch_1", 0, true},
		{"refused before it made anything", []Use{{Kind: UseCustomer, Status: "failed", Code: "resource_missing"}, again}, "", 2, false},
		{"a bank charge refused, then a customer", []Use{{Kind: UseCharge, Status: "failed", Code: "bank_account_unverified"}, {Kind: UseCustomer, ObjectID: "cus_1", Status: "attached"}}, "cus_1", 0, true},
	}
	for _, c := range cases {
		first, later, found := Record{Uses: c.uses}.ConsumedBy()
		if first.ObjectID != c.first || len(later) != c.later || found != c.wantFound {
			t.Errorf("%s: got %q, %d later, found %t", c.name, first.ObjectID, len(later), found)
		}
	}
}

// token_already_used names the use that consumed the token, a declined
// charge included; another refusal, or a token used elsewhere, is left as
// it is.
func TestNameConsumer(t *testing.T) {
	rec := Record{Uses: []Use{
		{Kind: UseCharge, Status: "failed", Code: "bank_account_unverified"},
		{Kind: UseCharge, ObjectID: "ch_1", Status: "failed", Code: "card_declined", DeclineCode: "insufficient_funds"},
	}}
	e := &Error{Type: TypeInvalidRequest, Code: CodeTokenAlreadyUsed}
	e.Explain()
	NameConsumer(e, rec)
	if want := "consumed by charge ch_1 (declined: insufficient_funds)"; !strings.Contains(e.Why, want) {
		t.Errorf("Why = %q, want it to say %q", e.Why, want)
	}
	other := &Error{Type: TypeCardError, Code: "card_declined"}
	NameConsumer(other, rec)
	elsewhere := &Error{Type: TypeInvalidRequest, Code: CodeTokenAlreadyUsed}
	NameConsumer(elsewhere, Record{})
	if other.UsedBy != "" || elsewhere.UsedBy != "" {
		t.Errorf("named a consumer it does not know: %q, %q", other.UsedBy, elsewhere.UsedBy)
	}
}
