package model

import "time"

// ApplyEventKind says what happened to one change during an apply.
type ApplyEventKind int

// The events of an apply, in Terraform's words.
const (
	// ApplyStarted: the change's request is being sent ("Creating...").
	ApplyStarted ApplyEventKind = iota
	// ApplyCompleted: the change is done; ID is the new object's id.
	ApplyCompleted
	// ApplyDeclined: a use step ended with the decline the catalog expects
	// of its test card. An outcome, not a failure.
	ApplyDeclined
	// ApplyErrored: the change failed (Err); a token's use is then skipped.
	ApplyErrored
)

// ApplyEvent is one step of an apply's progress, as a scenario apply
// reports it to the CLI's lines, the JSON stream and the TUI's progress.
type ApplyEvent struct {
	Kind    ApplyEventKind
	Change  Change
	ID      string // token, customer or charge id (the failed charge on a decline)
	Codes   string // ApplyDeclined: "card_declined / insufficient_funds"
	Err     error  // ApplyErrored
	Elapsed time.Duration
	// Done counts the plan's changes finished so far, of Total.
	Done, Total int
}

// StatusExpectedDecline is a use step's status when it declined as the
// catalog says its test card does.
const StatusExpectedDecline = "declined as expected"

// ApplyResult is what an apply did, one row per token in the plan's
// order, as RefreshReport is what a refresh found.
type ApplyResult struct {
	Rows []ApplyRow
	// DoneSincePlan are the changes the approved plan showed that the
	// state held done when the apply planned again under the lock:
	// another tokenscope made them meanwhile (a TUI's plan does not hold
	// the lock while it waits for a person), so this apply did not make
	// them again.
	DoneSincePlan []Change
}

// ApplyRow is one token of an apply: its id, and how its use step went.
type ApplyRow struct {
	Name    string
	TokenID string  // "" when the create failed
	Use     UseKind // "" without a use step (or when it never ran)
	// ObjectID is the customer or charge the use made (a failed charge too).
	ObjectID string
	// Status is the use's status (succeeded, attached, pending) or
	// StatusExpectedDecline.
	Status string
	// Codes are the decline's codes: "card_declined / insufficient_funds".
	Codes string
	// Unexpected says what the test card should have done and did not:
	// "expected card_declined / insufficient_funds, got succeeded" (a
	// backend that does not decide by test card, as stripe-mock). Not a
	// failure: what was made is recorded.
	Unexpected string
	// Err is the step's failure; the token, if made, stays in the state.
	Err error
	// FailedAt is the address of the step after the use that failed
	// ("refund.visa[1]"); "" when the create or the use did. The use
	// and the steps before it succeeded.
	FailedAt string
	// Applied are the changes the row made, for the counts.
	Applied []Change
}

// Failed returns the rows whose step failed.
func (r *ApplyResult) Failed() []ApplyRow {
	var failed []ApplyRow
	for _, row := range r.Rows {
		if row.Err != nil {
			failed = append(failed, row)
		}
	}
	return failed
}

// Counts are the changes made, counted as the plan counts them.
func (r *ApplyResult) Counts() (add, change, destroy int) {
	var p Plan
	for _, row := range r.Rows {
		p.Changes = append(p.Changes, row.Applied...)
	}
	return p.Counts()
}
