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
// succeeded one (or one whose status was not read) is "refunded"; a
// refund of the refund_fails card succeeds, then fails 5 s later.
func refundSummary(f Fields) string {
	switch st := f.Get("status"); st {
	case "", "succeeded":
		return amountOf(f, "amount") + " refunded"
	default:
		return amountOf(f, "amount") + " refund " + st
	}
}
