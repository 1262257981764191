package emulator

import (
	"cmp"
	"slices"
	"strings"

	"github.com/tokenscope/tokenscope/model"
)

// piExtras are what a PaymentIntent takes beyond its amount and payment
// method: what its charges take (receipt_email, the statement
// descriptor's suffix, shipping), which each charge it makes carries, and
// how it asks for 3D Secure.
type piExtras struct {
	chargeExtras
	// RequestThreeDS is payment_method_options[card][request_three_d_secure]:
	// "" (automatic), any or challenge, which ask for 3D Secure on any
	// card that supports it.
	RequestThreeDS string `json:"request_three_d_secure,omitempty"`
}

const paramRequest3DS = "payment_method_options[card][request_three_d_secure]"

// piConfirmExtraParams are the extras a confirm takes, piExtraParams
// those a create takes (confirm=true or not).
var (
	piConfirmExtraParams = slices.Concat([]string{"receipt_email", "error_on_requires_action", "use_stripe_sdk", paramRequest3DS},
		shippingParams(true), paymentMethodDataParams)
	piExtraParams = slices.Concat(piConfirmExtraParams, []string{"statement_descriptor", "statement_descriptor_suffix"})
	// piUpdateExtraParams are those an update takes, in any status.
	piUpdateExtraParams = slices.Concat([]string{"receipt_email", "statement_descriptor", "statement_descriptor_suffix"}, shippingParams(true))
)

// readPIExtras reads the extras of a create (onConfirm false) or a
// confirm into pi; payment_method_data makes pi's PaymentMethod.
func readPIExtras(c *call, pi *paymentIntentRec, onConfirm bool) *model.Error {
	if aerr := readPIChargeExtras(c, pi); aerr != nil {
		return aerr
	}
	for _, p := range []string{"error_on_requires_action", "use_stripe_sdk"} {
		if _, aerr := c.params.boolean(p); aerr != nil {
			return aerr
		}
	}
	// Stripe documents error_on_requires_action "only with confirm=true";
	// use_stripe_sdk it only reads when confirming.
	if c.params.Has("error_on_requires_action") && !onConfirm && c.params.get("confirm") != "true" {
		return invalid("", "error_on_requires_action", "You can only pass error_on_requires_action when confirm=true (or on POST /v1/payment_intents/{id}/confirm).")
	}
	if aerr := readChoice(c, paramRequest3DS, &pi.RequestThreeDS, "any", "automatic", "challenge"); aerr != nil {
		return aerr
	}
	return paymentMethodFromData(c, pi)
}

// readPIChargeExtras reads what pi's charges will carry, those given
// replacing pi's (a create, a confirm, an update).
func readPIChargeExtras(c *call, pi *paymentIntentRec) *model.Error {
	if c.params.Has("statement_descriptor") {
		// Stripe's words: the emulator's PaymentIntents are card ones.
		return invalid("", "statement_descriptor", "The statement_descriptor parameter is not supported for card charges: "+
			"set statement_descriptor_suffix instead (see https://docs.stripe.com/get-started/account/statement-descriptors#dynamic).")
	}
	x, aerr := readChargeExtras(c)
	if aerr != nil {
		return aerr
	}
	pi.chargeExtras = pi.chargeExtras.override(x)
	pi.Shipping = cmp.Or(x.Shipping, pi.Shipping)
	return nil
}

// requests3DS reports whether pi asks for 3D Secure on any card that
// supports it (request_three_d_secure any or challenge).
func (pi *paymentIntentRec) requests3DS() bool {
	return pi.RequestThreeDS == "any" || pi.RequestThreeDS == "challenge"
}

// errorOnRequiresAction: the confirm asked to fail rather than wait for
// 3D Secure (error_on_requires_action=true), as an off-session payment
// fails.
func errorOnRequiresAction(c *call) bool {
	return c.params.get("error_on_requires_action") == "true"
}

// authenticationRequired is the decline of a payment that needed 3D
// Secure when no one could answer it.
var authenticationRequired = model.Outcome{Code: "authentication_required", DeclineCode: "authentication_required",
	Message: "Your card was declined. This transaction requires authentication."}

// challengeAction is the next_action a challenge asks for:
// redirect_to_url with a return_url, unless the confirm said it runs
// Stripe's SDK (use_stripe_sdk=true), which then reads use_stripe_sdk.
func challengeAction(c *call, pi *paymentIntentRec) string {
	if pi.ReturnURL != "" && c.params.get("use_stripe_sdk") != "true" {
		return "redirect_to_url"
	}
	return "use_stripe_sdk"
}

// show puts the extras on pi's JSON.
func (x piExtras) show(out *paymentIntentJSON) {
	out.ReceiptEmail, out.Shipping = opt(x.ReceiptEmail), x.Shipping.render()
	out.StatementDescriptor, out.StatementDescriptorSuffix = opt(x.StatementDescriptor), opt(x.StatementDescriptorSuffix)
	out.PaymentMethodOptions.Card.RequestThreeDSecure = cmp.Or(x.RequestThreeDS, "automatic")
}

// paymentMethodDataParams are payment_method_data's keys the emulator
// takes: a card PaymentMethod's, as POST /v1/payment_methods takes them
// (a card token, or in test mode the card's number).
var paymentMethodDataParams = func() []string {
	var out []string
	for _, p := range paymentMethodParams {
		if p == "customer" || p == "expand[" {
			continue // the PaymentIntent's own
		}
		name, rest, _ := strings.Cut(p, "[")
		if rest != "" {
			rest = "[" + rest
		}
		out = append(out, "payment_method_data["+name+"]"+rest)
	}
	return out
}()

// paymentMethodFromData makes pi's PaymentMethod from
// payment_method_data[...], as POST /v1/payment_methods would from the
// same keys, naming payment_method_data in a refusal.
func paymentMethodFromData(c *call, pi *paymentIntentRec) *model.Error {
	const prefix = "payment_method_data["
	if !c.params.has(prefix) {
		return nil
	}
	if c.params.Has("payment_method") {
		return invalid("", "payment_method_data", "You may only specify one of these parameters: payment_method, payment_method_data.")
	}
	sub := *c
	sub.params = params{map[string][]string{}}
	for k, vs := range c.params.Values {
		if inner, ok := strings.CutPrefix(k, prefix); ok {
			name, rest, _ := strings.Cut(inner, "]")
			sub.params.Values[name+rest] = vs
		}
	}
	obj, aerr := createPaymentMethod(&sub)
	if aerr != nil {
		aerr.Param = underData(aerr.Param)
		return aerr
	}
	return setPaymentMethod(c, pi, obj.(*paymentMethodJSON).ID)
}

// underData is a PaymentMethod parameter's name under
// payment_method_data: card[number] is payment_method_data[card][number].
func underData(param string) string {
	if param == "" {
		return "payment_method_data"
	}
	name, rest, _ := strings.Cut(param, "[")
	if rest != "" {
		rest = "[" + rest
	}
	return "payment_method_data[" + name + "]" + rest
}
