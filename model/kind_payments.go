package model

import (
	"fmt"
	"strconv"
	"strings"
	"time"
)

// The object kinds a card token becomes beyond the Charges API.
const (
	KindPaymentMethod Kind = "payment_method"
	KindPaymentIntent Kind = "payment_intent"
)

// paymentMethodKind is a PaymentMethod (pm_), made from a card token or
// one of Stripe's test PaymentMethods.
var paymentMethodKind = &KindSpec{
	Kind:     KindPaymentMethod,
	Object:   string(KindPaymentMethod),
	Prefixes: []string{"pm_"},
	Short:    "pm",
	Label:    "PaymentMethod",
	Path:     "/v1/payment_methods/",
	Summary: func(f Fields) string {
		if !f.Has("card") {
			return ""
		}
		return f.Get("card.display_brand") + " •••• " + f.Get("card.last4")
	},
	Fields: []DetailField{
		{Path: "type", Label: "type"},
		{Path: "customer", Label: "customer"},
		{Path: "card.brand", Label: "brand", Value: func(f Fields) string {
			return withDetail(f.Get("card.brand"), f.Get("card.funding"), f.Get("card.country"))
		}},
		{Path: "card.last4", Label: "number", Value: func(f Fields) string { return MaskLast4(f.Get("card.last4"), "") }},
		{Path: "card.exp", Label: "expires", Value: func(f Fields) string {
			m, _ := strconv.Atoi(f.Get("card.exp_month"))
			if m == 0 {
				return ""
			}
			return fmt.Sprintf("%02d/%s", m, f.Get("card.exp_year"))
		}},
		{Path: "card.checks.cvc_check", Label: "cvc_check"},
		{Path: "card.three_d_secure_usage.supported", Label: "3d_secure"},
		{Path: "card.fingerprint", Label: "fingerprint"},
		{Path: "created", Label: "created", Value: createdAt},
	},
}

// paymentIntentKind is a PaymentIntent (pi_): its status, and what it
// waits for.
var paymentIntentKind = &KindSpec{
	Kind:     KindPaymentIntent,
	Object:   string(KindPaymentIntent),
	Prefixes: []string{"pi_"},
	Short:    "pi",
	Label:    "PaymentIntent",
	Path:     "/v1/payment_intents/",
	Summary: func(f Fields) string {
		return JoinWords(amountOf(f, "amount"), f.Get("status"))
	},
	Fields: append([]DetailField{
		{Path: "status", Label: "status", Value: func(f Fields) string {
			s := f.Get("status")
			why := PaymentIntentStatusNote(s)
			if r := releasedByCancel(f); r != "" {
				why += "; " + r
			}
			if why != "" {
				return s + ": " + why
			}
			return s
		}},
		{Path: "amount", Label: "amount", Value: func(f Fields) string { return amountOf(f, "amount") }},
		{Path: "amount_capturable", Label: "amount_capturable", Value: func(f Fields) string { return amountOf(f, "amount_capturable") }, Quiet: zeroAt("amount_capturable")},
		{Path: "amount_received", Label: "amount_received", Value: func(f Fields) string { return amountOf(f, "amount_received") }, Quiet: zeroAt("amount_received")},
		{Path: "capture_method", Label: "capture_method"},
		{Path: "payment_method", Label: "payment_method"},
		{Path: "latest_charge", Label: "latest_charge"},
		{Path: "customer", Label: "customer"},
	}, intentFields("last_payment_error")...),
}

// releasedByCancel says what a canceled PaymentIntent's cancel did to
// the authorization it held: released it, with no refund since basil
// (regress2#4). Its charge cannot tell (Stripe's reads as one still held),
// so the PaymentIntent's pane says it. It held one when it has a charge
// that did not fail (no last_payment_error) and received nothing.
func releasedByCancel(f Fields) string {
	ch := f.Get("latest_charge")
	if f.Get("status") != PICanceled || ch == "" || f.Has("last_payment_error") || f.Get("amount_received") != "0" {
		return ""
	}
	return "its authorization of " + amountOf(f, "amount") + " (" + ch + ") was released uncaptured, with no refund"
}

// intentFields are the rows a PaymentIntent and a SetupIntent end with:
// the 3D Secure step, the last error (errorField: last_payment_error,
// last_setup_error), why it was canceled, and when it was made.
func intentFields(errorField string) []DetailField {
	return []DetailField{
		{Path: "next_action.type", Label: "next_action"},
		{Path: "next_action.url", Label: "challenge_url", Value: shownChallengeURL},
		{Path: "next_action.redirect_to_url.return_url", Label: "return_url"},
		{Path: errorField + ".code", Label: "last_error", Value: func(f Fields) string {
			return Outcome{Code: f.Get(errorField + ".code"), DeclineCode: f.Get(errorField + ".decline_code")}.Codes()
		}},
		{Path: errorField + ".message", Label: "last_error_message"},
		{Path: "cancellation_reason", Label: "cancellation_reason"},
		{Path: "created", Label: "created", Value: createdAt},
	}
}

// EmulatorChallengePath is where the offline emulator serves its own 3D
// Secure page (/3ds/{pi}): a page of the emulator only, which Stripe's API
// does not have.
const EmulatorChallengePath = "/3ds/"

// ChallengeURL is the page a PaymentIntent in requires_action sends its
// customer to: next_action's redirect_to_url, or the stripe_js of
// use_stripe_sdk; "" when it waits for none.
func ChallengeURL(pi Fields) string {
	if u := pi.Get("next_action.redirect_to_url.url"); u != "" {
		return u
	}
	return pi.Get("next_action.use_stripe_sdk.stripe_js")
}

// shownChallengeURL is ChallengeURL as a page to open: none on the
// in-process emulator, whose host never resolves (the detail's next line
// says how to answer there).
func shownChallengeURL(pi Fields) string {
	if u := ChallengeURL(pi); !strings.HasPrefix(u, OfflineBase+"/") {
		return u
	}
	return ""
}

// OfflineBase is the base URL of the in-process emulator. Its host never
// resolves: a URL on it (a 3D Secure page) cannot be opened, and is not
// shown as one.
const OfflineBase = "http://emulator.offline"

// PaymentIntentStatusNote says what a PaymentIntent's status waits for.
func PaymentIntentStatusNote(status string) string {
	switch status {
	case PIRequiresPaymentMethod:
		return "needs a payment method (new, or after a decline or a failed authentication)"
	case PIRequiresConfirmation:
		return "has a payment method, waits to be confirmed"
	case PIRequiresAction:
		return "waits for the customer to authenticate (3D Secure)"
	case PIProcessing:
		return "the payment is being processed"
	case PIRequiresCapture:
		return "authorized: capture it to take the money, or cancel it"
	case PICanceled:
		return "it can no longer be used" // after the status, which says canceled
	case PISucceeded:
		return "paid"
	}
	return ""
}

func amountOf(f Fields, path string) string {
	n, err := strconv.ParseInt(f.Get(path), 10, 64)
	if err != nil || f.Get("currency") == "" {
		return ""
	}
	return FormatAmount(n, f.Get("currency"))
}

// zeroAt reports an amount at path that is zero: a row of it says
// nothing (no refund yet, nothing to capture), so a pane hides it
// (DetailField.Quiet).
func zeroAt(path string) func(Fields) bool {
	return func(f Fields) bool { return f.Get(path) == "0" }
}

func createdAt(f Fields) string {
	t, err := strconv.ParseInt(f.Get("created"), 10, 64)
	if err != nil || t == 0 {
		return ""
	}
	return time.Unix(t, 0).UTC().Format("2006-01-02 15:04:05 UTC")
}

// JoinWords joins the words that say something with spaces.
func JoinWords(words ...string) string {
	var out []string
	for _, w := range words {
		if w != "" {
			out = append(out, w)
		}
	}
	return strings.Join(out, " ")
}
