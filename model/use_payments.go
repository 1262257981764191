package model

import (
	"net/url"
	"strings"
	"unicode"
)

// The uses of a card token beyond the Charges API: a PaymentMethod made
// from it (POST /v1/payment_methods card[token]), and a PaymentIntent
// confirmed with that PaymentMethod.
const (
	UsePaymentMethod UseKind = "payment_method"
	UsePaymentIntent UseKind = "payment_intent"
)

// The statuses of a PaymentIntent, as Stripe names them.
const (
	PIRequiresPaymentMethod = "requires_payment_method"
	PIRequiresConfirmation  = "requires_confirmation"
	PIRequiresAction        = "requires_action"
	PIProcessing            = "processing"
	PIRequiresCapture       = "requires_capture"
	PICanceled              = "canceled"
	PISucceeded             = "succeeded"
)

// ValidateCaptureMethod accepts a PaymentIntent's capture method: ""
// (Stripe's default, automatic), automatic or manual.
func ValidateCaptureMethod(m string) *FieldError {
	switch m {
	case "", "automatic", "automatic_async", "manual":
		return nil
	}
	return requestErr("parameter_invalid", "capture_method", "the capture method is automatic or manual")
}

// ValidateReturnURL accepts "" or an absolute http or https URL with a
// host, where a 3D Secure challenge sends the customer back. Any other
// scheme (javascript:, data:, file:) is refused: the URL is stored and
// shown as a page to open.
func ValidateReturnURL(u string) *FieldError {
	if u == "" {
		return nil
	}
	p, err := url.Parse(u)
	if err != nil || (p.Scheme != "https" && p.Scheme != "http") || p.Host == "" || strings.ContainsFunc(u, unicode.IsControl) || strings.ContainsAny(u, " \t\r\n") || len(u) > 2048 {
		return requestErr("url_invalid", "return_url", "return_url: must be an absolute http or https URL of at most 2048 characters, such as https://example.com/done")
	}
	return nil
}

// PaymentIntentExpect is what a PaymentIntent confirmed with a test card
// is expected to do, for plans and the use menu.
func PaymentIntentExpect(c *CardPreset, manual bool) string {
	o := c.Outcome
	after := o
	if o.ThreeDS != ThreeDSNone {
		after = Outcome{}
		if o.AfterAuth != nil {
			after = *o.AfterAuth
		}
	}
	done := "succeeded"
	if manual {
		done = "requires_capture"
	}
	switch {
	case o.ThreeDS.Asks(false) && after.Declines():
		return "expected: requires_action (3D Secure), then declined: " + after.Codes()
	case o.ThreeDS.Asks(false):
		return "expected: requires_action (3D Secure), then " + done
	case after.Declines():
		return "expected: declined, " + after.Codes() + "; back to requires_payment_method"
	}
	return "expected: " + done
}

// PaymentIntentExpectFailing is PaymentIntentExpect when the 3D Secure
// challenge is to be failed (a scenario's authenticate { fail = true }):
// a card that asks for it ends back in requires_payment_method.
func PaymentIntentExpectFailing(c *CardPreset, manual bool) string {
	if !c.Outcome.ThreeDS.Asks(false) {
		return PaymentIntentExpect(c, manual)
	}
	return "expected: requires_action (3D Secure), then requires_payment_method: the challenge is failed"
}

// planPayment is the plan of a PaymentMethod or PaymentIntent use: the
// card token becomes a PaymentMethod, which confirms the PaymentIntent.
func planPayment(name string, req UseRequest, note string) Change {
	token := Attr{Name: "card.token", Value: str(req.TokenID), Note: note}
	if req.Kind == UsePaymentMethod {
		return Change{Address: "payment_method." + name, Action: ActionCreate, Request: "POST /v1/payment_methods",
			Attrs: []Attr{{Name: "type", Value: str("card")}, token, {Name: "id", Value: KnownAfterApply}}}
	}
	attrs := []Attr{
		amountAttr(req.Amount, req.Currency),
		{Name: "currency", Value: str(req.Currency)},
		{Name: "confirm", Value: "true"},
		{Name: "payment_method", Value: KnownAfterApply, Note: "made of the token first: POST /v1/payment_methods"},
		token,
	}
	if req.CaptureMethod != "" {
		attrs = append(attrs, Attr{Name: "capture_method", Value: str(req.CaptureMethod)})
	}
	if req.ReturnURL != "" {
		attrs = append(attrs, Attr{Name: "return_url", Value: str(req.ReturnURL)})
	}
	attrs = append(attrs, Attr{Name: "id", Value: KnownAfterApply}, Attr{Name: "status", Value: KnownAfterApply})
	return Change{Address: "payment_intent." + name, Action: ActionCreate, Request: "POST /v1/payment_intents", Attrs: attrs, Also: 1}
}
