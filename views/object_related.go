package views

import (
	"strconv"
	"strings"

	"github.com/tokenscope/tokenscope/model"
)

// RelatedFields are the rows an object pane adds from the object that
// decides what can be done with it (model.Subject.Related): a customer's
// bank account status, a disputed charge's dispute (its id, so enter
// opens it), a paid PaymentIntent's partial capture, refunds and dispute. None when rel is
// nil.
func RelatedFields(o model.Object, rel *model.Object) []Field {
	if rel == nil {
		return nil
	}
	f := rel.Fields()
	var fs fields
	switch {
	case strings.HasPrefix(o.ID, "cus_"):
		fs.add("", "bank_status", bankStatus(f.Get("status")))
	case strings.HasPrefix(rel.ID, "du_") || strings.HasPrefix(rel.ID, "dp_"):
		fs.add("", "dispute", rel.ID)
		fs.add("", "dispute_status", model.JoinWords(f.Get("status"), paren(f.Get("reason"))))
	case strings.HasPrefix(o.ID, "pi_"):
		fs.add("", "amount_captured", model.AmountCaptured(f))
		if n, _ := strconv.ParseInt(f.Get("amount_refunded"), 10, 64); n > 0 {
			fs.add("", "amount_refunded", model.FormatAmount(n, f.Get("currency")))
		}
		if f.Get("disputed") == "true" {
			fs.add("", "disputed", "true: the money goes back through the dispute, not a refund")
		}
	}
	return fs.list
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
