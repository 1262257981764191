package views

import (
	"slices"
	"testing"
)

// A pane's rows read again: a changed row, a row that appears and one
// that goes read as drift does, in the pane's order, with the events
// that told of them; the rows that stayed say nothing.
func TestObjectChangesReadAsDrift(t *testing.T) {
	before := []Field{{Path: "status", Label: "status", Value: "needs_response"},
		{Path: "amount_refunded", Label: "amount_refunded", Value: "10.00 usd"},
		{Path: "amount", Label: "amount", Value: "10.00 usd"},
		{Path: "failure_code", Label: "failure_code", Value: "expired_card"}}
	after := []Field{{Path: "status", Label: "status", Value: "lost"},
		{Path: "amount", Label: "amount", Value: "10.00 usd"},
		{Path: "disputed", Label: "disputed", Value: "true"}}
	var got []string
	for _, l := range ObjectChanges(before, after, []string{"charge.dispute.closed", "charge.dispute.updated"}) {
		if l.Kind != Change {
			t.Errorf("%q is of kind %d, want Change", l, l.Kind)
		}
		got = append(got, l.String())
	}
	want := []string{
		"~ status: needs_response -> lost (charge.dispute.closed, charge.dispute.updated)",
		"~ amount_refunded: 10.00 usd -> null (charge.dispute.closed, charge.dispute.updated)",
		"~ disputed: null -> true (charge.dispute.closed, charge.dispute.updated)",
		"~ failure_code: expired_card -> null (charge.dispute.closed, charge.dispute.updated)",
	}
	if !slices.Equal(got, want) {
		t.Errorf("changes:\n%q\nwant\n%q", got, want)
	}
	if ls := ObjectChanges(after, after, []string{"charge.refunded"}); len(ls) != 0 {
		t.Errorf("rows that stayed the same read %q", ls)
	}
}
