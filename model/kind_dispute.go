package model

// KindDispute is a dispute of a charge (du_, dp_ for older ones).
const KindDispute Kind = "dispute"

// disputeKind is a dispute: its reason, where it stands, and by when
// evidence is due.
var disputeKind = &KindSpec{
	Kind:     KindDispute,
	Object:   "dispute",
	Prefixes: []string{"du_", "dp_"},
	Path:     "/v1/disputes/",
	Short:    "du",
	Label:    "dispute",
	Summary:  func(f Fields) string { return JoinWords(amountOf(f, "amount"), f.Get("reason"), f.Get("status")) },
	Fields: []DetailField{
		{Path: "amount", Label: "amount", Value: func(f Fields) string { return amountOf(f, "amount") }},
		{Path: "charge", Label: "charge"},
		{Path: "payment_intent", Label: "payment_intent"},
		{Path: "reason", Label: "reason"},
		{Path: "status", Label: "status"},
		{Path: "evidence.uncategorized_text", Label: "evidence"},
		{Path: "evidence_details.submission_count", Label: "submissions"},
		{Path: "evidence_details.due_by", Label: "due_by", Value: func(f Fields) string {
			return createdAt(Fields{"created": f.Get("evidence_details.due_by")})
		}},
	},
	Drift: []DetailField{{Path: "status"}, {Path: "evidence_details.submission_count"}},
}
