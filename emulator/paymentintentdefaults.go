package emulator

import "github.com/tokenscope/tokenscope/model"

// PaymentIntent defaults as Stripe has them in the version the emulator
// answers in, so that a suite green on the emulator is not refused by
// Stripe:
//   - since 2023-08-16, a PaymentIntent made without payment_method_types
//     has automatic_payment_methods enabled, and confirming one whose
//     automatic payment methods may redirect needs a return_url, unless
//     off_session=true or automatic_payment_methods[allow_redirects]=never
//     (docs.stripe.com/changelog/2023-08-16/automatic-payment-methods);
//   - since 2024-04-10, capture_method defaults to automatic_async
//     (docs.stripe.com/changelog/2024-04-10/automatic-sync-default-paymentintents).
//     The emulator captures an automatic_async payment at once, as it does
//     an automatic one: Stripe may leave its charge's balance_transaction
//     null for a while, and need not.

// defaultCaptureMethod is a new PaymentIntent's capture_method.
const defaultCaptureMethod = "automatic_async"

// returnURLRequired is Stripe's refusal to confirm, word for word: a
// Payment Intent's as integrations quote it with its request id
// (woocommerce/woocommerce-gateway-stripe#2982), a Setup Intent's as
// Stripe's Dashboard logs showed it (the same issue tracker's #3284),
// which differs only in naming itself.
func returnURLRequired(intent string) string {
	return "A `return_url` must be specified because this " + intent + " is configured to automatically accept the payment methods enabled in the Dashboard, some of which may require a full page redirect to succeed. If you do not want to accept redirect-based payment methods, set `automatic_payment_methods[enabled]` to `true` and `automatic_payment_methods[allow_redirects]` to `never` when creating Setup Intents and Payment Intents."
}

// defaultAutomaticPM enables an intent's automatic payment methods (apm,
// a PaymentIntent's or, since the same change, a SetupIntent's) when the
// request chose neither them nor payment_method_types.
func defaultAutomaticPM(c *call, apm **automaticPMRec) {
	if *apm == nil && len(arrayParam(c.params, "payment_method_types")) == 0 {
		*apm = &automaticPMRec{Enabled: true}
	}
}

// requireReturnURL refuses to confirm an intent (intent: "Payment
// Intent", "Setup Intent"), as Stripe does, when its automatic payment
// methods (apm) may redirect and the confirmation (c) gives no return_url
// (nor did an earlier one: returnURL) and is not off session. A bad
// off_session is left for the confirmation to refuse by name.
func requireReturnURL(c *call, intent string, apm *automaticPMRec, returnURL string) *model.Error {
	if apm == nil || !apm.Enabled || apm.AllowRedirects == "never" || returnURL != "" || c.params.get("return_url") != "" {
		return nil
	}
	if offSession, aerr := c.params.boolean("off_session"); offSession || aerr != nil {
		return nil
	}
	return invalid("", "", returnURLRequired(intent))
}
