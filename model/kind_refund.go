package model

import "strconv"

// KindRefund is a refund of a charge (re_).
const KindRefund Kind = "refund"

// refundKind is a refund: how much of which charge, and whether it went
// through.
var refundKind = &KindSpec{
	Kind:     KindRefund,
	Object:   "refund",
	Prefixes: []string{"re_", "pyr_"},
	Short:    "re",
	Label:    "refund",
	Summary:  func(f Fields) string { return amountOf(f, "amount") + " refunded" },
	Heading:  "refund",
	Fields: []DetailField{
		{Path: "amount", Label: "amount", Value: func(f Fields) string { return amountOf(f, "amount") }},
		{Path: "charge", Label: "charge"},
		{Path: "payment_intent", Label: "payment_intent"},
		{Path: "status", Label: "status"},
		{Path: "reason", Label: "reason"},
		{Path: "failure_reason", Label: "failure_reason"},
	},
	Drift: []DetailField{{Path: "status"}, {Path: "amount"}},
}

// amountOf is an amount attribute with the object's currency: "10.00 usd".
func amountOf(f Fields, path string) string {
	n, err := strconv.ParseInt(f.Get(path), 10, 64)
	if err != nil {
		return f.Get(path)
	}
	return FormatAmount(n, f.Get("currency"))
}
