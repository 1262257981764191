package emulator

import (
	"net/http"
	"slices"

	"github.com/tokenscope/tokenscope/model"
)

// SetupIntents as Stripe's test mode runs them with the catalog's cards:
// a card is saved for later payments without paying. Confirming checks
// the card (one that simulates an issuer decline fails, with
// last_setup_error, as attaching it would), asks for 3D Secure when the
// card does on session (the challenge page of challenge.go), and on
// success attaches the PaymentMethod to the SetupIntent's customer and
// marks it set up for its usage, so a 4000002500003155 card then pays
// off session without a challenge. A SetupIntent's statuses are a
// PaymentIntent's without capture (model.PI*).

const (
	setupIntentsColl  = "setup_intents"
	setupIntentPrefix = "seti_"
	usageOffSession   = "off_session"
	usageOnSession    = "on_session"
	// codeSetupUnexpectedState is Stripe's code for an operation the
	// SetupIntent's status does not allow.
	codeSetupUnexpectedState = "setup_intent_unexpected_state"
)

// setupIntentRec is a SetupIntent; Secret is the random part of its
// client secret.
type setupIntentRec struct {
	ID            string          `json:"id"`
	Created       int64           `json:"created"`
	Status        string          `json:"status"`
	Usage         string          `json:"usage"`
	Customer      string          `json:"customer,omitempty"`
	Description   string          `json:"description,omitempty"`
	Metadata      metadata        `json:"metadata,omitempty"`
	AutomaticPM   *automaticPMRec `json:"automatic_payment_methods,omitempty"`
	PaymentMethod string          `json:"payment_method,omitempty"`
	ReturnURL     string          `json:"return_url,omitempty"`
	LastError     *lastErrorRec   `json:"last_setup_error,omitempty"`
	// NextAction is the next_action's type while the status is
	// requires_action, as a PaymentIntent's; ChallengeURL its page.
	NextAction         string `json:"next_action,omitempty"`
	ChallengeURL       string `json:"challenge_url,omitempty"`
	CancellationReason string `json:"cancellation_reason,omitempty"`
	Secret             string `json:"secret"`
}

func (o *objects) setupIntent(id string) (*setupIntentRec, bool) {
	return get[setupIntentRec](o, setupIntentsColl, id)
}

func (o *objects) putSetupIntent(si *setupIntentRec) { o.put(setupIntentsColl, si.ID, si) }

// clientSecret is the SetupIntent's client_secret, as Stripe forms it.
func (si *setupIntentRec) clientSecret() string { return si.ID + "_secret_" + si.Secret }

// noSuchSetupIntent is Stripe's 404 for an unknown SetupIntent.
func noSuchSetupIntent(id string) *model.Error {
	return noSuch(http.StatusNotFound, "setupintent", id, "intent")
}

var setupIntentParams = slices.Concat([]string{"confirm", "customer", "description", "payment_method", "payment_method_types[",
	"usage", "return_url", "automatic_payment_methods[enabled]", "automatic_payment_methods[allow_redirects]", "expand["},
	metadataParams)

// createSetupIntent is POST /v1/setup_intents, confirmed at once with
// confirm=true.
func createSetupIntent(c *call) (any, *model.Error) {
	md, aerr := readMetadata(c.params, nil)
	if aerr != nil {
		return nil, aerr
	}
	si := &setupIntentRec{ID: newID(setupIntentPrefix, longID), Created: c.now.Unix(), Status: model.PIRequiresPaymentMethod,
		Usage: usageOffSession, Description: c.params.get("description"), Metadata: md, Secret: newID("", longID)}
	if aerr := readChoice(c, "usage", &si.Usage, sessionUsages...); aerr != nil {
		return nil, aerr
	}
	if si.AutomaticPM, aerr = readPaymentMethodChoice(c); aerr != nil {
		return nil, aerr
	}
	defaultAutomaticPM(c, &si.AutomaticPM)
	if aerr := readCustomer(c, &si.Customer); aerr != nil {
		return nil, aerr
	}
	confirm, aerr := c.params.boolean("confirm")
	if aerr != nil {
		return nil, aerr
	}
	if !confirm && c.params.Has("return_url") {
		return nil, invalid("", "return_url", "You can only pass return_url when confirm=true (or on POST /v1/setup_intents/{id}/confirm).")
	}
	if id := c.params.get("payment_method"); id != "" {
		if aerr := setSetupPaymentMethod(c, si, id); aerr != nil {
			return nil, aerr
		}
	}
	// setup_intent.created comes before what the confirm makes.
	c.objs.putSetupIntent(si)
	if !confirm {
		return renderSetupIntent(si), nil
	}
	return confirmSetup(c, si)
}

// setSetupPaymentMethod puts the PaymentMethod id on si, by the reuse
// rules of pmreuse.go; a test PaymentMethod becomes a new one.
func setSetupPaymentMethod(c *call, si *setupIntentRec, id string) *model.Error {
	pm, aerr := usePaymentMethod(c, id, "payment_method")
	if aerr != nil {
		return aerr
	}
	if aerr := checkUsableBy(pm, si.ID, si.Customer); aerr != nil {
		return aerr
	}
	si.PaymentMethod = pm.ID
	if si.Status == model.PIRequiresPaymentMethod {
		si.Status = model.PIRequiresConfirmation
	}
	return nil
}

// siConfirmable are the statuses in which Stripe confirms a SetupIntent,
// updates what it sets up, or cancels it.
var siConfirmable = []string{model.PIRequiresPaymentMethod, model.PIRequiresConfirmation, model.PIRequiresAction}

var setupConfirmParams = []string{"payment_method", "return_url", "expand["}

// confirmSetupIntentAt is POST /v1/setup_intents/{id}/confirm.
func confirmSetupIntentAt(c *call) (any, *model.Error) {
	si, ok := c.objs.setupIntent(c.id())
	if !ok {
		return nil, noSuchSetupIntent(c.id())
	}
	if !slices.Contains(siConfirmable, si.Status) {
		return nil, unexpectedState(codeSetupUnexpectedState, "SetupIntent", si.Status, "confirm", siConfirmable...)
	}
	if id := c.params.get("payment_method"); id != "" {
		if aerr := setSetupPaymentMethod(c, si, id); aerr != nil {
			return nil, aerr
		}
	}
	return confirmSetup(c, si)
}

// confirmSetup confirms si with its PaymentMethod: a decline when the
// card simulates an issuer decline, a challenge when it asks for 3D
// Secure (setting up is on session), else succeeded.
func confirmSetup(c *call, si *setupIntentRec) (any, *model.Error) {
	if si.PaymentMethod == "" {
		return nil, invalid("parameter_missing", "payment_method",
			"You cannot confirm this SetupIntent because it's missing a payment method. Pass payment_method (a pm_ id, or a test PaymentMethod such as pm_card_visa).")
	}
	if aerr := requireReturnURL(c, "Setup Intent", si.AutomaticPM, si.ReturnURL); aerr != nil {
		return nil, aerr
	}
	if u := c.params.get("return_url"); u != "" {
		if aerr := checkReturnURL(u); aerr != nil {
			return nil, aerr
		}
		si.ReturnURL = u
	}
	pm, ok := c.objs.paymentMethod(si.PaymentMethod)
	if !ok {
		return nil, noSuch(http.StatusBadRequest, "PaymentMethod", si.PaymentMethod, "payment_method")
	}
	if aerr := checkUsableBy(pm, si.ID, si.Customer); aerr != nil {
		return nil, aerr
	}
	preset, _ := model.CardByName(pm.Card.Preset)
	switch o := preset.Outcome; {
	case o.NoAttach:
		// The card check fails as Stripe's does for a card that
		// simulates an issuer decline: the PaymentIntent's 402, with
		// the SetupIntent back in requires_payment_method.
		aerr := declined(o.Code, o.DeclineCode, o.Message, declineParams[o.Code])
		failSetup(c, si, pm, aerr)
		c.errSetupIntent, c.errPaymentMethod = renderSetupIntent(si), renderPaymentMethod(pm)
		return nil, aerr
	case o.ThreeDS.Asks(false):
		si.Status, si.NextAction, si.LastError = model.PIRequiresAction, "use_stripe_sdk", nil
		if si.ReturnURL != "" {
			si.NextAction = "redirect_to_url"
		}
		si.ChallengeURL = challengeURL(c, si.ID, si.clientSecret())
		c.objs.putSetupIntent(si)
		return renderSetupIntent(si), nil
	}
	if aerr := succeedSetup(c, si, pm); aerr != nil {
		return nil, aerr
	}
	return renderSetupIntent(si), nil
}

// succeedSetup ends si in succeeded: its PaymentMethod is set up for
// its usage and attached to its customer, if it has one.
func succeedSetup(c *call, si *setupIntentRec, pm *paymentMethodRec) *model.Error {
	if si.Customer != "" && pm.Customer != si.Customer {
		if aerr := attachPaymentMethod(c, pm, si.Customer); aerr != nil {
			return aerr
		}
	}
	pm.SetUpFor = si.Usage
	c.objs.putPaymentMethod(pm)
	si.Status, si.NextAction, si.ChallengeURL, si.LastError = model.PISucceeded, "", "", nil
	c.objs.putSetupIntent(si)
	return nil
}

// failSetup returns si to requires_payment_method with aerr as its
// last_setup_error, naming the PaymentMethod that failed.
func failSetup(c *call, si *setupIntentRec, pm *paymentMethodRec, aerr *model.Error) {
	si.Status, si.PaymentMethod, si.NextAction, si.ChallengeURL = model.PIRequiresPaymentMethod, "", "", ""
	si.LastError = lastErrorOf(aerr, pm)
	c.objs.putSetupIntent(si)
}

// getSetupIntent is GET /v1/setup_intents/{id}.
func getSetupIntent(c *call) (any, *model.Error) {
	si, ok := c.objs.setupIntent(c.id())
	if !ok {
		return nil, noSuchSetupIntent(c.id())
	}
	return renderSetupIntent(si), nil
}

var setupIntentUpdateParams = slices.Concat([]string{"customer", "description", "payment_method", "payment_method_types[", "expand["},
	metadataParams)

// siSetupParams change what is set up, which Stripe takes only before
// the SetupIntent is done; the description and metadata it takes in any
// status.
var siSetupParams = []string{"customer", "payment_method", "payment_method_types"}

// updateSetupIntent is POST /v1/setup_intents/{id}. A new PaymentMethod
// for one waiting for 3D Secure drops the challenge: it must be
// confirmed again.
func updateSetupIntent(c *call) (any, *model.Error) {
	si, ok := c.objs.setupIntent(c.id())
	if !ok {
		return nil, noSuchSetupIntent(c.id())
	}
	changes, aerr := intentChanges(c, codeSetupUnexpectedState, "SetupIntent", si.Status, siConfirmable, siSetupParams)
	if aerr != nil {
		return nil, aerr
	}
	if c.params.Has("description") {
		si.Description = c.params.get("description")
	}
	if si.Metadata, aerr = readMetadata(c.params, si.Metadata); aerr != nil {
		return nil, aerr
	}
	if changes {
		if _, aerr := readPaymentMethodChoice(c); aerr != nil {
			return nil, aerr
		}
		if aerr := readCustomer(c, &si.Customer); aerr != nil {
			return nil, aerr
		}
		if id := c.params.get("payment_method"); id != "" {
			if aerr := setSetupPaymentMethod(c, si, id); aerr != nil {
				return nil, aerr
			}
		}
		if si.Status == model.PIRequiresAction {
			si.Status, si.NextAction, si.ChallengeURL = model.PIRequiresConfirmation, "", ""
		}
	}
	c.objs.putSetupIntent(si)
	return renderSetupIntent(si), nil
}

// cancelSetupIntent is POST /v1/setup_intents/{id}/cancel.
func cancelSetupIntent(c *call) (any, *model.Error) {
	si, ok := c.objs.setupIntent(c.id())
	if !ok {
		return nil, noSuchSetupIntent(c.id())
	}
	if !slices.Contains(siConfirmable, si.Status) {
		return nil, unexpectedState(codeSetupUnexpectedState, "SetupIntent", si.Status, "cancel", siConfirmable...)
	}
	reason := ""
	if aerr := readChoice(c, "cancellation_reason", &reason, "abandoned", "duplicate", "requested_by_customer"); aerr != nil {
		return nil, aerr
	}
	si.Status, si.CancellationReason, si.NextAction, si.ChallengeURL = model.PICanceled, reason, "", ""
	c.objs.putSetupIntent(si)
	return renderSetupIntent(si), nil
}

var setupIntentListParams = slices.Concat([]string{"customer", "payment_method"}, createdParams, pageParams)

// listSetupIntents is GET /v1/setup_intents, newest first, filtered by
// customer, payment_method and created.
func listSetupIntents(c *call) (any, *model.Error) {
	pg, cr, aerr := readListing(c.params)
	if aerr != nil {
		return nil, aerr
	}
	customer, byCustomer := c.params.get("customer"), c.params.Has("customer")
	pm, byPM := c.params.get("payment_method"), c.params.Has("payment_method")
	keep := func(si *setupIntentRec) bool {
		return cr.holds(si.Created) && (!byCustomer || si.Customer == customer) && (!byPM || si.PaymentMethod == pm)
	}
	return collectionLister(c, setupIntentsColl, "/v1/setup_intents", "setupintent", keep, renderListedSetupIntent).page(pg)
}

func renderListedSetupIntent(si *setupIntentRec) any { return renderSetupIntent(si) }
