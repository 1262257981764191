package model

// KindCharge is a charge (ch_, or py_ for a bank debit).
const KindCharge Kind = "charge"

// chargeKind is a charge: what it took, what was refunded, whether it is
// disputed, and how it ended.
var chargeKind = &KindSpec{
	Kind:     KindCharge,
	Object:   string(KindCharge),
	Prefixes: []string{"ch_", "py_"},
	Short:    "ch",
	Label:    "charge",
	Path:     "/v1/charges/",
	Summary: func(f Fields) string {
		return JoinWords(amountOf(f, "amount"), f.Get("status"))
	},
	Fields: []DetailField{
		{Path: "status", Label: "status", Value: func(f Fields) string {
			s := f.Get("status")
			if s == "pending" {
				return s + ": a bank debit waits for the bank's answer"
			}
			return s
		}},
		{Path: "amount", Label: "amount", Value: func(f Fields) string { return amountOf(f, "amount") }},
		{Path: "amount_refunded", Label: "amount_refunded", Value: AmountRefunded},
		{Path: "refunded", Label: "refunded"},
		{Path: "disputed", Label: "disputed"},
		{Path: "failure_code", Label: "failure_code"},
		{Path: "failure_message", Label: "failure_message"},
		// A failed bank debit's money back: its own balance transaction.
		{Path: "failure_balance_transaction", Label: "failure_balance_transaction"},
		{Path: "outcome.seller_message", Label: "outcome"},
		{Path: "payment_method_details.type", Label: "method"},
		{Path: "customer", Label: "customer"},
		{Path: "payment_intent", Label: "payment_intent"},
		{Path: "created", Label: "created", Value: createdAt},
	},
}

// AmountRefunded is a charge's amount_refunded as a pane shows it, saying
// how much of it a partial capture released (no refund of the
// merchant's), so 4.00 usd refunded before any refund is not a puzzle.
func AmountRefunded(f Fields) string {
	s := nonZeroAmount(f, "amount_refunded")
	if r := Released(f); r > 0 && s != "" {
		s += " (" + FormatAmount(r, f.Get("currency")) + " released uncaptured)"
	}
	return s
}
