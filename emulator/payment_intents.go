package emulator

import (
	"fmt"
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"strings"

	"github.com/tokenscope/tokenscope/model"
)

// PaymentIntents as Stripe's test mode runs them with the catalog's
// cards: a card that asks for 3D Secure stops in requires_action with a
// next_action (the emulator's own challenge page, challenge.go), a
// decline is a 402 carrying the PaymentIntent back in
// requires_payment_method, manual capture stops in requires_capture.

// codeUnexpectedState is Stripe's code for an operation the
// PaymentIntent's status does not allow.
const codeUnexpectedState = "payment_intent_unexpected_state"

// captureMethods are the values of capture_method, and sessionUsages
// those of setup_future_usage (and of a SetupIntent's usage), checked
// alike on create and on update.
var (
	captureMethods = []string{"automatic", "automatic_async", "manual"}
	sessionUsages  = []string{usageOffSession, usageOnSession}
)

var paymentIntentParams = append([]string{"amount", "currency", "payment_method", "customer", "confirm", "capture_method",
	"confirmation_method", "return_url", "description", "off_session", "setup_future_usage", "payment_method_types[",
	"automatic_payment_methods[enabled]", "automatic_payment_methods[allow_redirects]", "expand[", "metadata", "metadata["},
	piExtraParams...)

var confirmParams = append([]string{"payment_method", "return_url", "off_session", "expand["}, piConfirmExtraParams...)

// createPaymentIntent is POST /v1/payment_intents, confirmed at once with
// confirm=true.
func createPaymentIntent(c *call) (any, *model.Error) {
	amount, currency, aerr := readAmount(c)
	if aerr != nil {
		return nil, aerr
	}
	md, aerr := readMetadata(c.params, nil)
	if aerr != nil {
		return nil, aerr
	}
	pi := &paymentIntentRec{
		ID: newID("pi_", longID), Created: c.now.Unix(), Amount: amount, Currency: currency,
		Status: model.PIRequiresPaymentMethod, CaptureMethod: defaultCaptureMethod, ConfirmationMethod: "automatic",
		Description: c.params.get("description"), Metadata: md, Secret: newID("", longID),
	}
	if aerr := readChoice(c, "capture_method", &pi.CaptureMethod, captureMethods...); aerr != nil {
		return nil, aerr
	}
	if aerr := readChoice(c, "confirmation_method", &pi.ConfirmationMethod, "automatic", "manual"); aerr != nil {
		return nil, aerr
	}
	if aerr := readChoice(c, "setup_future_usage", &pi.SetupFutureUsage, sessionUsages...); aerr != nil {
		return nil, aerr
	}
	if pi.AutomaticPM, aerr = readPaymentMethodChoice(c); aerr != nil {
		return nil, aerr
	}
	defaultAutomaticPM(c, &pi.AutomaticPM)
	if aerr := readCustomer(c, &pi.Customer); aerr != nil {
		return nil, aerr
	}
	confirm, aerr := c.params.boolean("confirm")
	if aerr != nil {
		return nil, aerr
	}
	if !confirm {
		for _, p := range []string{"return_url", "off_session"} {
			if c.params.Has(p) {
				return nil, invalid("", p, "You can only pass "+p+" when confirm=true (or on POST /v1/payment_intents/{id}/confirm).")
			}
		}
	}
	if confirm {
		if aerr := requireReturnURL(c, "Payment Intent", pi.AutomaticPM, pi.ReturnURL); aerr != nil {
			return nil, aerr
		}
	}
	if id := c.params.get("payment_method"); id != "" {
		if aerr := setPaymentMethod(c, pi, id); aerr != nil {
			return nil, aerr
		}
	}
	if aerr := readPIExtras(c, pi, false); aerr != nil {
		return nil, aerr
	}
	if confirm {
		useDefaultSource(c, pi)
	}
	// The PaymentIntent exists before it is confirmed: its
	// payment_intent.created comes before the charge the confirm makes,
	// as at Stripe (it was put only after, which listed charge.succeeded
	// first).
	c.objs.putPaymentIntent(pi)
	if !confirm {
		return renderPaymentIntent(pi), nil
	}
	return confirmPaymentIntent(c, pi)
}

// readChoice reads an optional parameter that must be one of choices
// into *into.
func readChoice(c *call, param string, into *string, choices ...string) *model.Error {
	v := c.params.get(param)
	switch {
	case !c.params.Has(param):
		return nil
	case !slices.Contains(choices, v):
		return invalid("", param, fmt.Sprintf("Invalid %s: must be one of %s", param, strings.Join(choices, ", ")))
	}
	*into = v
	return nil
}

// boolean reads an optional true/false parameter.
func (p params) boolean(key string) (bool, *model.Error) {
	switch v := p.get(key); v {
	case "", "false":
		return false, nil
	case "true":
		return true, nil
	default:
		return false, invalid("", key, "Invalid boolean: "+v)
	}
}

// setPaymentMethod puts the PaymentMethod id on pi: it must exist, be
// unspent and, when it belongs to a customer, to pi's (pmreuse.go).
func setPaymentMethod(c *call, pi *paymentIntentRec, id string) *model.Error {
	pm, aerr := intentPaymentMethod(c, id, pi.Customer, "payment_method")
	if aerr != nil {
		return aerr
	}
	if aerr := checkUsable(pm, pi); aerr != nil {
		return aerr
	}
	pi.PaymentMethod = pm.ID
	if pi.Status == model.PIRequiresPaymentMethod {
		pi.Status = model.PIRequiresConfirmation
	}
	return nil
}

// confirmPaymentIntentAt is POST /v1/payment_intents/{id}/confirm.
func confirmPaymentIntentAt(c *call) (any, *model.Error) {
	pi, ok := c.objs.paymentIntent(c.id())
	if !ok {
		return nil, noSuch(http.StatusNotFound, "payment_intent", c.id(), "intent")
	}
	if pi.Status != model.PIRequiresPaymentMethod && pi.Status != model.PIRequiresConfirmation {
		return nil, unexpectedState(codeUnexpectedState, "PaymentIntent", pi.Status, "confirm", model.PIRequiresPaymentMethod, model.PIRequiresConfirmation)
	}
	if aerr := requireReturnURL(c, "Payment Intent", pi.AutomaticPM, pi.ReturnURL); aerr != nil {
		return nil, aerr
	}
	if id := c.params.get("payment_method"); id != "" {
		if aerr := setPaymentMethod(c, pi, id); aerr != nil {
			return nil, aerr
		}
	}
	if aerr := readPIExtras(c, pi, true); aerr != nil {
		return nil, aerr
	}
	return confirmPaymentIntent(c, pi)
}

// confirmPaymentIntent confirms pi with its PaymentMethod: a challenge
// when the card asks for one on session, else the payment.
func confirmPaymentIntent(c *call, pi *paymentIntentRec) (any, *model.Error) {
	if pi.PaymentMethod == "" {
		return nil, invalid("parameter_missing", "payment_method",
			"You cannot confirm this PaymentIntent because it's missing a payment method. Pass payment_method (a pm_ id, or a test PaymentMethod such as pm_card_visa).")
	}
	offSession, aerr := c.params.boolean("off_session")
	if aerr != nil {
		return nil, aerr
	}
	pi.OffSession = offSession
	if u := c.params.get("return_url"); u != "" {
		if aerr := checkReturnURL(u); aerr != nil {
			return nil, aerr
		}
		pi.ReturnURL = u
	}
	pm, ok := c.objs.paymentMethodFor(pi.PaymentMethod, pi.Customer)
	if !ok {
		return nil, noSuch(http.StatusBadRequest, "PaymentMethod", pi.PaymentMethod, "payment_method")
	}
	if aerr := checkUsable(pm, pi); aerr != nil {
		return nil, aerr
	}
	spendIfLoose(c, pm, pi)
	preset, _ := model.CardByName(pm.Card.Preset)
	o := preset.Outcome
	switch {
	case offSession && o.ThreeDS.DeclinesOffSession(pm.SetUpFor == usageOffSession):
		// Off session no one can answer a challenge: the card, never set
		// up for it (or asking every time), is declined as needing
		// authentication.
		return pay(c, pi, pm, authenticationRequired)
	case offSession:
		// Set up off session, or never asking: it pays without one.
	case pi.challenges(o.ThreeDS) && errorOnRequiresAction(c):
		return pay(c, pi, pm, authenticationRequired)
	case pi.challenges(o.ThreeDS):
		pi.Status, pi.NextAction = model.PIRequiresAction, challengeAction(c, pi)
		pi.ChallengeURL = challengeURL(c, pi.ID, pi.clientSecret())
		pi.LastError = nil
		c.objs.putPaymentIntent(pi)
		return renderPaymentIntent(pi), nil
	default:
		c.threeDS = threeDSWithoutChallenge(o.ThreeDS, pi, pm)
	}
	return pay(c, pi, pm, afterAuth(o))
}

// afterAuth is the outcome of a payment once 3D Secure is done with (or
// was never needed): the card's decline after authentication, or none;
// a card without 3D Secure keeps its own.
func afterAuth(o model.Outcome) model.Outcome {
	if o.ThreeDS == model.ThreeDSNone {
		return o
	}
	if o.AfterAuth != nil {
		return *o.AfterAuth
	}
	return model.Outcome{Risk: o.Risk}
}

// checkReturnURL accepts an absolute http(s) URL, or an app's own scheme
// (myapp://done), as Stripe does.
func checkReturnURL(u string) *model.Error {
	p, err := url.Parse(u)
	if err != nil || p.Scheme == "" || len(u) > 2048 || strings.ContainsAny(u, " \t\r\n") {
		return invalid("url_invalid", "return_url", "Invalid URL: "+strconv.Quote(u)+" (return_url must be an absolute URL)")
	}
	return nil
}

// pay charges pi's PaymentMethod with outcome o: a success ends in
// succeeded (or requires_capture), a decline in requires_payment_method
// with last_payment_error, the failed charge kept, and the PaymentIntent
// carried in the 402.
func pay(c *call, pi *paymentIntentRec, pm *paymentMethodRec, o model.Outcome) (any, *model.Error) {
	ch, aerr := chargeCard(c, pm.Card, pi.Customer, pi.Amount, pi.Currency, o)
	ch.PaymentIntent, ch.PaymentMethod, ch.Description = pi.ID, pm.ID, pi.Description
	ch.chargeExtras, ch.ThreeDSecure = pi.chargeExtras, authenticated(c, pm)
	pi.LatestCharge, pi.NextAction, pi.ChallengeURL = ch.ID, "", ""
	if aerr != nil {
		pi.Status, pi.PaymentMethod = model.PIRequiresPaymentMethod, ""
		pi.LastError = lastErrorOf(aerr, pm)
		pi.LastError.Charge = ch.ID
		c.objs.putCharge(ch)
		c.objs.putPaymentIntent(pi)
		c.errPaymentIntent, c.errPaymentMethod = renderPaymentIntent(pi), renderPaymentMethod(pm)
		return nil, aerr
	}
	pi.LastError = nil
	saveForCustomer(c, pm, pi)
	if pi.CaptureMethod == "manual" {
		holdAuthorization(ch, c.now)
		pi.Status, pi.AmountCapturable, pi.CaptureBefore = model.PIRequiresCapture, pi.Amount, ch.CaptureBefore
	} else {
		pi.Status, pi.AmountReceived = model.PISucceeded, pi.Amount
	}
	c.objs.putCharge(ch)
	c.objs.putPaymentIntent(pi)
	return renderPaymentIntent(pi), nil
}

// finishChallenge ends pi's 3D Secure challenge: completed, the payment
// runs; failed, pi returns to requires_payment_method with
// payment_intent_authentication_failure.
func finishChallenge(c *call, pi *paymentIntentRec, complete bool) (any, *model.Error) {
	pm, ok := c.objs.paymentMethodFor(pi.PaymentMethod, pi.Customer)
	if !ok {
		return nil, noSuch(http.StatusBadRequest, "PaymentMethod", pi.PaymentMethod, "payment_method")
	}
	if complete {
		c.threeDS = threeDSChallenge
		preset, _ := model.CardByName(pm.Card.Preset)
		obj, aerr := pay(c, pi, pm, afterAuth(preset.Outcome))
		if aerr != nil {
			// The challenge itself succeeded: the page shows where the
			// payment ended, not an error.
			return renderPaymentIntent(pi), nil
		}
		return obj, nil
	}
	pi.Status, pi.NextAction, pi.ChallengeURL, pi.PaymentMethod = model.PIRequiresPaymentMethod, "", "", ""
	pi.LastError = &lastErrorRec{Type: model.TypeInvalidRequest, Code: "payment_intent_authentication_failure",
		Message:       "The provided PaymentMethod has failed authentication. You can provide payment_method_data or a new PaymentMethod to attempt to fulfill this PaymentIntent again.",
		PaymentMethod: pm.ID, Method: pm}
	c.objs.putPaymentIntent(pi)
	return renderPaymentIntent(pi), nil
}

var captureParams = []string{"amount_to_capture", "expand["}

// capturePaymentIntent is POST /v1/payment_intents/{id}/capture, in full
// or of amount_to_capture; the rest is released.
func capturePaymentIntent(c *call) (any, *model.Error) {
	pi, ok := c.objs.paymentIntent(c.id())
	if !ok {
		return nil, noSuch(http.StatusNotFound, "payment_intent", c.id(), "intent")
	}
	if pi.Status != model.PIRequiresCapture {
		return nil, unexpectedState(codeUnexpectedState, "PaymentIntent", pi.Status, "capture", model.PIRequiresCapture)
	}
	n, given, aerr := c.params.integer("amount_to_capture")
	switch {
	case aerr != nil:
		return nil, aerr
	case !given:
		n = pi.AmountCapturable
	case n <= 0:
		return nil, invalid("", "amount_to_capture", "This value must be greater than or equal to 1.")
	case n > pi.AmountCapturable:
		return nil, invalid("amount_too_large", "amount_to_capture",
			fmt.Sprintf("The amount_to_capture (%d) cannot be greater than the PaymentIntent's amount_capturable (%d).", n, pi.AmountCapturable))
	}
	ch, ok := c.objs.charge(pi.LatestCharge)
	if !ok {
		return nil, noSuch(http.StatusBadRequest, "charge", pi.LatestCharge, "intent")
	}
	pi.Status, pi.AmountCapturable, pi.AmountReceived = model.PISucceeded, 0, n
	captureAuthorization(c, ch, n)
	c.objs.putPaymentIntent(pi)
	return renderPaymentIntent(pi), nil
}

var cancelParams = []string{"cancellation_reason", "expand["}

// cancelPaymentIntent is POST /v1/payment_intents/{id}/cancel. A held
// authorization is released: its charge reads as it was, uncaptured, with
// no refund, and never expires (release.go).
func cancelPaymentIntent(c *call) (any, *model.Error) {
	pi, ok := c.objs.paymentIntent(c.id())
	if !ok {
		return nil, noSuch(http.StatusNotFound, "payment_intent", c.id(), "intent")
	}
	allowed := []string{model.PIRequiresPaymentMethod, model.PIRequiresCapture, model.PIRequiresConfirmation, model.PIRequiresAction, model.PIProcessing}
	if !slices.Contains(allowed, pi.Status) {
		return nil, unexpectedState(codeUnexpectedState, "PaymentIntent", pi.Status, "cancel", allowed...)
	}
	reason := ""
	if aerr := readChoice(c, "cancellation_reason", &reason, "duplicate", "fraudulent", "requested_by_customer", "abandoned"); aerr != nil {
		return nil, aerr
	}
	if pi.Status == model.PIRequiresCapture {
		releaseByCancel(c.objs, pi.LatestCharge)
	}
	pi.Status, pi.CanceledAt, pi.CancellationReason = model.PICanceled, c.now.Unix(), reason
	pi.NextAction, pi.ChallengeURL, pi.AmountCapturable = "", "", 0
	c.objs.putPaymentIntent(pi)
	return renderPaymentIntent(pi), nil
}

// getPaymentIntent is GET /v1/payment_intents/{id}.
func getPaymentIntent(c *call) (any, *model.Error) {
	pi, ok := c.objs.paymentIntent(c.id())
	if !ok {
		return nil, noSuch(http.StatusNotFound, "payment_intent", c.id(), "intent")
	}
	return renderPaymentIntent(pi), nil
}

var paymentIntentListParams = append([]string{"customer"}, append(createdParams, pageParams...)...)

// listPaymentIntents is GET /v1/payment_intents, newest first, filtered
// by customer and created.
func listPaymentIntents(c *call) (any, *model.Error) {
	pg, cr, aerr := readListing(c.params)
	if aerr != nil {
		return nil, aerr
	}
	customer, byCustomer := c.params.get("customer"), c.params.Has("customer")
	keep := func(pi *paymentIntentRec) bool {
		return cr.holds(pi.Created) && (!byCustomer || pi.Customer == customer)
	}
	return collectionLister(c, paymentIntentsColl, "/v1/payment_intents", "payment_intent", keep, renderListedPaymentIntent).page(pg)
}

func renderListedPaymentIntent(pi *paymentIntentRec) any { return renderPaymentIntent(pi) }

// readPaymentMethodChoice reads how an intent (PaymentIntent or
// SetupIntent) chooses its payment method types: payment_method_types
// (card: the only type the emulator takes), or automatic_payment_methods
// (returned; nil when not given), not both.
func readPaymentMethodChoice(c *call) (*automaticPMRec, *model.Error) {
	types := arrayParam(c.params, "payment_method_types")
	auto := c.params.has("automatic_payment_methods[")
	if len(types) > 0 && auto {
		return nil, invalid("", "automatic_payment_methods", "You may only specify one of these parameters: automatic_payment_methods, payment_method_types.")
	}
	for i, t := range types {
		if t != "card" {
			return nil, invalid("", "payment_method_types["+strconv.Itoa(i)+"]",
				"The emulator takes cards only: payment_method_types takes card, not "+strconv.Quote(t)+".")
		}
	}
	if !auto {
		return nil, nil
	}
	enabled, aerr := c.params.boolean("automatic_payment_methods[enabled]")
	if aerr != nil {
		return nil, aerr
	}
	if !c.params.Has("automatic_payment_methods[enabled]") {
		return nil, missingParam("automatic_payment_methods[enabled]")
	}
	out := &automaticPMRec{Enabled: enabled}
	return out, readChoice(c, "automatic_payment_methods[allow_redirects]", &out.AllowRedirects, "always", "never")
}
