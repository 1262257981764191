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
	for _, l := range ObjectChanges(Rows{Shown: before}, Rows{Shown: after}, []string{"charge.dispute.closed", "charge.dispute.updated"}) {
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
	if ls := ObjectChanges(Rows{Shown: after}, Rows{Shown: after}, []string{"charge.refunded"}); len(ls) != 0 {
		t.Errorf("rows that stayed the same read %q", ls)
	}
}

// A quiet row (a zero amount, not shown) that comes to be shown reads
// from its value, not null, and one that goes quiet reads to it, each
// where the pane had it.
func TestObjectChangesReadQuietRowsAsTheirValue(t *testing.T) {
	zero := Field{Path: "amount_refunded", Label: "amount_refunded", Value: "0.00 usd"}
	status := Field{Path: "status", Label: "status", Value: "succeeded"}
	took := Field{Path: "amount_capturable", Label: "amount_capturable", Value: "10.00 usd"}
	amount := Field{Path: "amount", Label: "amount", Value: "10.00 usd"}
	refunded := Field{Path: "amount_refunded", Label: "amount_refunded", Value: "3.00 usd"}
	before := Rows{Shown: []Field{status, took, amount}, Quiet: []Field{zero}}
	after := Rows{Shown: []Field{status, amount, refunded}, Quiet: []Field{{Path: "amount_capturable", Label: "amount_capturable", Value: "0.00 usd"}}}
	var got []string
	for _, l := range ObjectChanges(before, after, []string{"charge.refunded"}) {
		got = append(got, l.String())
	}
	want := []string{
		"~ amount_capturable: 10.00 usd -> 0.00 usd (charge.refunded)",
		"~ amount_refunded: 0.00 usd -> 3.00 usd (charge.refunded)",
	}
	if !slices.Equal(got, want) {
		t.Errorf("changes:\n%q\nwant\n%q", got, want)
	}
	if ls := ObjectChanges(after, after, nil); len(ls) != 0 {
		t.Errorf("rows that stayed the same read %q", ls)
	}
}
