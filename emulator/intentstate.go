package emulator

import (
	"fmt"
	"strings"

	"github.com/tokenscope/tokenscope/model"
)

// unexpectedState is Stripe's refusal (code) of op on an intent (object,
// "PaymentIntent" or "SetupIntent") in status, allowed only in the
// allowed statuses, in its words as its live answers show them: "You
// cannot cancel this PaymentIntent because it has a status of succeeded.
// Only a PaymentIntent with one of the following statuses may be
// canceled: ..." (exercism/website#7062), but a capture's "This
// PaymentIntent could not be captured because ..." (cartalyst/stripe#211)
// and a second confirm's "... because it has already succeeded after
// being previously confirmed." (stripe-archive/stripe-payments-demo#133),
// which a SetupIntent says without "after ...".
func unexpectedState(code, object, status, op string, allowed ...string) *model.Error {
	start := "You cannot " + op + " this " + object
	switch {
	case op == "confirm" && status == model.PISucceeded:
		again := ""
		if object == "PaymentIntent" {
			again = " after being previously confirmed"
		}
		return invalid(code, "", start+" because it has already succeeded"+again+".")
	case op == "capture":
		start = "This " + object + " could not be captured"
	}
	return invalid(code, "", fmt.Sprintf(
		"%s because it has a status of %s. Only a %s with one of the following statuses may be %s: %s.",
		start, status, object, pastTense(op), strings.Join(allowed, ", ")))
}

func pastTense(op string) string {
	if strings.HasSuffix(op, "e") {
		return op + "d"
	}
	return op + "ed"
}
