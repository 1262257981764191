package model

// Dispute evidence Stripe's test mode reads in evidence[uncategorized_text]
// to decide a dispute at once: the first wins it, the second loses it.
const (
	WinningEvidence = "winning_evidence"
	LosingEvidence  = "losing_evidence"
)
