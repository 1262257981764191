package model

// DisputeReasons are the test cards whose successful charges Stripe's test
// mode disputes, by card number, with the dispute's reason. Keyed by number
// rather than preset name so the catalog can name the cards as it likes.
var DisputeReasons = map[string]string{
	"4000000000000259": "fraudulent",
	"4000000000002685": "product_not_received",
	// An inquiry (status warning_needs_response) rather than a chargeback;
	// Stripe gives it the general reason.
	"4000000000001976": "general",
}

// InquiryCards are the dispute cards whose dispute is an inquiry.
var InquiryCards = map[string]bool{"4000000000001976": true}

// Dispute evidence Stripe's test mode reads in evidence[uncategorized_text]
// to decide a dispute at once.
const (
	WinningEvidence = "winning_evidence"
	LosingEvidence  = "losing_evidence"
)
