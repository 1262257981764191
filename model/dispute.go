package model

// Dispute evidence Stripe's test mode reads in evidence[uncategorized_text]
// to decide a dispute: the first wins it, the second loses it, a few
// seconds after it went under review (dispute_decide.go).
const (
	WinningEvidence = "winning_evidence"
	LosingEvidence  = "losing_evidence"
)
