package views

import (
	"strings"

	"github.com/tokenscope/tokenscope/model"
)

// Rows are an object's rows in its pane: those Shown, in order, and
// those Quiet: not shown, as their value says nothing (a zero amount),
// but its value still, so a change from or to one reads it.
type Rows struct{ Shown, Quiet []Field }

// ObjectRows are o's rows in its pane: its kind's fields, then those of
// rel, the object read with it (relatedFields), if any.
func ObjectRows(o model.Object, rel *model.Object) Rows {
	v := NewObject(o)
	fs := fields{list: v.Fields, quiet: v.Quiet}
	if rel != nil {
		relatedFields(&fs, o, *rel)
	}
	return Rows{Shown: fs.list, Quiet: fs.quiet}
}

// relatedFields are the rows an object pane adds from the object that
// decides what can be done with it (model.Subject.Related): a customer's
// bank account status, a disputed charge's dispute (its id, so enter
// opens it), a paid PaymentIntent's partial capture, refunds and dispute.
func relatedFields(fs *fields, o model.Object, rel model.Object) {
	f := rel.Fields()
	switch {
	case strings.HasPrefix(o.ID, "cus_"):
		fs.add("", "bank_status", bankStatus(f.Get("status")))
	case strings.HasPrefix(rel.ID, "du_") || strings.HasPrefix(rel.ID, "dp_"):
		fs.add("", "dispute", rel.ID)
		fs.add("", "dispute_status", model.JoinWords(f.Get("status"), paren(f.Get("reason"))))
	case strings.HasPrefix(o.ID, "pi_"):
		fs.detail("", model.AmountCapturedField, f)
		fs.detail("", model.AmountRefundedField, f)
		if f.Get("disputed") == "true" {
			fs.add("", "disputed", "true: the money goes back through the dispute, not a refund")
		}
	}
}

// bankStatus says what a bank account's status lets it do.
func bankStatus(status string) string {
	why := map[string]string{
		"new":                 "waits for its micro-deposits (test mode: 32 and 45)",
		"validated":           "waits for its micro-deposits (test mode: 32 and 45)",
		"verified":            "can be debited",
		"verification_failed": "its verification failed: it cannot be debited",
		"errored":             "a debit failed: it cannot be debited again",
	}[status]
	if why == "" {
		return status
	}
	return status + ": " + why
}
