package model

import "strings"

// Submitted evidence puts a dispute under review; Stripe's test mode then
// decides winning_evidence and losing_evidence a few seconds later (won or
// lost; an inquiry closes either way), not in the answer to the request,
// so a plan shows the review and says what follows, and a dispute waiting
// for that decision offers no answer: Stripe takes evidence once.

// disputeReview is the status a dispute in status has under review.
func disputeReview(status string) string {
	if strings.HasPrefix(status, "warning_") {
		return "warning_under_review"
	}
	return "under_review"
}

// DisputeDeciding reports a dispute under review with test evidence that
// test mode decides shortly.
func DisputeDeciding(f Fields) bool {
	switch f.Get("evidence.uncategorized_text") {
	case WinningEvidence, LosingEvidence:
		return f.Get("status") == disputeReview(f.Get("status"))
	}
	return false
}

// planAnswer is the status attribute of evidence submitted to a dispute
// in status: under review, then what test mode decides.
func planAnswer(status, evidence string) Attr {
	review, after := disputeReview(status), DisputeAfter(status, evidence, false)
	note := "under review until the issuer decides (test mode decides winning_evidence and losing_evidence only)"
	if after != review {
		note = "test mode decides " + evidence + ": " + after + " a few seconds later"
	}
	return Attr{Name: "status", Old: str(status), Value: str(review), Note: note}
}
