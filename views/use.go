package views

import (
	"time"

	"github.com/tokenscope/tokenscope/model"
)

// UseOutcome is a use's result in full, for the CLI: "declined:
// card_declined / insufficient_funds", "failed: code", "charge succeeded
// 10.00 usd", "customer attached".
func UseOutcome(u model.Use) string {
	switch {
	case u.Status == "failed" && u.DeclineCode != "":
		return "declined: " + useCodes(u)
	case u.Status == "failed":
		return failedWith(useCodes(u))
	case u.Amount != 0:
		return JoinNonEmpty(string(u.Kind), u.Status, model.FormatAmount(u.Amount, u.Currency))
	}
	return JoinNonEmpty(string(u.Kind), u.Status)
}

// UseBrief is a use's result in a few words, for a narrow pane:
// "declined: insufficient_funds", "failed: code", "charge succeeded",
// "attached to a customer".
func UseBrief(u model.Use) string {
	switch {
	case u.Status == "failed" && u.DeclineCode != "":
		return "declined: " + u.DeclineCode
	case u.Status == "failed":
		return failedWith(u.Code)
	case u.Kind == model.UseCustomer:
		return "attached to a customer"
	case connectUse(u.Kind):
		return connectBrief(u)
	}
	return string(u.Kind) + " " + u.Status
}

// failedWith is "failed: code", or "failed" for a refusal Stripe gave
// no code (an account_token of the wrong kind).
func failedWith(code string) string {
	if code == "" {
		return "failed"
	}
	return "failed: " + code
}

// useCodes is the error code, with the decline code when it says more.
func useCodes(u model.Use) string {
	return model.Outcome{Code: u.Code, DeclineCode: u.DeclineCode}.Codes()
}

// refusedOnly is an attempt refused before it made anything, known by its
// bare code ("token_already_used").
func refusedOnly(u model.Use) bool {
	return u.Status == "failed" && u.ObjectID == "" && u.DeclineCode == "" && u.Code != ""
}

// AttemptOutcome is what a later attempt did, its bare code when it was
// refused before it made anything; brief picks UseBrief over UseOutcome.
func AttemptOutcome(u model.Use, brief bool) string {
	switch {
	case refusedOnly(u):
		return u.Code
	case brief:
		return UseBrief(u)
	}
	return UseOutcome(u)
}

// useAt is when a use was made, with its date: a description is often
// read long after, in a log.
func useAt(u model.Use) string {
	if u.At.IsZero() {
		return ""
	}
	return "at " + u.At.UTC().Format("2006-01-02 15:04 UTC")
}

// attemptTime is when an attempt was made, "14:02 UTC", with the date
// when it was not today.
func attemptTime(at, now time.Time) string {
	at, now = at.UTC(), now.UTC()
	if at.Format(time.DateOnly) == now.Format(time.DateOnly) {
		return at.Format("15:04 UTC")
	}
	return at.Format("2006-01-02 15:04 UTC")
}
