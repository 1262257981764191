package model

// KindRefund is a refund of a charge (re_).
const KindRefund Kind = "refund"

// refundKind is a refund: how much of which charge, and whether it went
// through.
var refundKind = &KindSpec{
	Kind:     KindRefund,
	Object:   "refund",
	Prefixes: []string{"re_", "pyr_"},
	Path:     "/v1/refunds/",
	Short:    "re",
	Label:    "refund",
	Summary:  refundSummary,
	Fields: []DetailField{
		{Path: "amount", Label: "amount", Value: func(f Fields) string { return amountOf(f, "amount") }},
		{Path: "charge", Label: "charge"},
		{Path: "payment_intent", Label: "payment_intent"},
		{Path: "status", Label: "status"},
		{Path: "reason", Label: "reason"},
		{Path: "failure_reason", Label: "failure_reason"},
		{Path: "created", Label: "created", Value: createdAt},
	},
	Drift: []DetailField{{Path: "status"}, {Path: "amount"}},
}

// refundSummary says what became of a refund by its status: only a
// succeeded one (or one whose status was not read) is "refunded"
// (RefundVerb: "released" for a release); a refund of the refund_fails
// card succeeds, then fails 5 s later.
func refundSummary(f Fields) string {
	switch st := f.Get("status"); st {
	case "", "succeeded":
		return amountOf(f, "amount") + " " + RefundVerb(f)
	default:
		return amountOf(f, "amount") + " refund " + st
	}
}

// RefundVerb is what a refund did, as every text of it says: "released"
// when it released an uncaptured charge's authorization (no money moved;
// Stripe's refund says so by its destination, a reversal), "refunded"
// otherwise, as get and report say of the charge.
func RefundVerb(f Fields) string {
	if f.Get("destination_details.card.type") == "reversal" {
		return chargeReleased
	}
	return "refunded"
}
