package emulator

import "github.com/tokenscope/tokenscope/model"

// The records of PaymentMethods and PaymentIntents, kept as the other
// records are (records.go): what the responses need, never a card number.

// Collections of the payment objects in the Store.
const (
	paymentMethodsColl = "payment_methods"
	paymentIntentsColl = "payment_intents"
)

// paymentMethodRec is a card PaymentMethod, made from a token or from one
// of Stripe's test PaymentMethods (pm_card_visa).
type paymentMethodRec struct {
	ID       string   `json:"id"`
	Created  int64    `json:"created"`
	Customer string   `json:"customer,omitempty"`
	Metadata metadata `json:"metadata,omitempty"`
	Email    string   `json:"email,omitempty"`
	Phone    string   `json:"phone,omitempty"`
	Card     *cardRec `json:"card"`
	// SpentBy is why it may not be used again (pmreuse.go): the
	// PaymentIntent that used it while it belonged to no customer, or
	// spentByDetach.
	SpentBy string `json:"spent_by,omitempty"`
	// SetUpFor is the usage a SetupIntent set it up for (off_session,
	// on_session): a card set up off session pays off session without
	// the challenge it would otherwise need (4000002500003155).
	SetUpFor string `json:"set_up_for,omitempty"`
}

// paymentIntentRec is a PaymentIntent. Amounts are in the currency's
// smallest unit; Secret is the random part of its client secret.
type paymentIntentRec struct {
	ID                 string          `json:"id"`
	Created            int64           `json:"created"`
	Amount             int64           `json:"amount"`
	Currency           string          `json:"currency"`
	Status             string          `json:"status"`
	CaptureMethod      string          `json:"capture_method"`
	ConfirmationMethod string          `json:"confirmation_method"`
	Customer           string          `json:"customer,omitempty"`
	Description        string          `json:"description,omitempty"`
	Metadata           metadata        `json:"metadata,omitempty"`
	AutomaticPM        *automaticPMRec `json:"automatic_payment_methods,omitempty"`
	PaymentMethod      string          `json:"payment_method,omitempty"`
	ReturnURL          string          `json:"return_url,omitempty"`
	OffSession         bool            `json:"off_session,omitempty"`
	SetupFutureUsage   string          `json:"setup_future_usage,omitempty"`
	LatestCharge       string          `json:"latest_charge,omitempty"`
	AmountCapturable   int64           `json:"amount_capturable,omitempty"`
	CaptureBefore      int64           `json:"capture_before,omitempty"` // its authorization's (authorizationexpiry.go)
	AmountReceived     int64           `json:"amount_received,omitempty"`
	LastError          *lastErrorRec   `json:"last_payment_error,omitempty"`
	// NextAction is the next_action's type while the status is
	// requires_action: use_stripe_sdk, or redirect_to_url with a
	// return_url; ChallengeURL is the emulator's test page for it.
	NextAction         string `json:"next_action,omitempty"`
	ChallengeURL       string `json:"challenge_url,omitempty"`
	CanceledAt         int64  `json:"canceled_at,omitempty"`
	CancellationReason string `json:"cancellation_reason,omitempty"`
	Secret             string `json:"secret"`
	piExtras
}

// lastErrorRec is a PaymentIntent's last_payment_error or a
// SetupIntent's last_setup_error.
type lastErrorRec struct {
	Type          string `json:"type"`
	Code          string `json:"code,omitempty"`
	DeclineCode   string `json:"decline_code,omitempty"`
	Message       string `json:"message,omitempty"`
	Param         string `json:"param,omitempty"`
	Charge        string `json:"charge,omitempty"`
	PaymentMethod string `json:"payment_method,omitempty"`
	// Method is the PaymentMethod as it was when it failed, which
	// Stripe's last_payment_error carries whole.
	Method *paymentMethodRec `json:"method,omitempty"`
}

// lastErrorOf is the last error an intent keeps when aerr refused pm.
func lastErrorOf(aerr *model.Error, pm *paymentMethodRec) *lastErrorRec {
	return &lastErrorRec{Type: aerr.Type, Code: aerr.Code, DeclineCode: aerr.DeclineCode,
		Message: aerr.Message, Param: aerr.Param, PaymentMethod: pm.ID, Method: pm}
}

func (o *objects) paymentMethod(id string) (*paymentMethodRec, bool) {
	return get[paymentMethodRec](o, paymentMethodsColl, id)
}

func (o *objects) paymentIntent(id string) (*paymentIntentRec, bool) {
	return get[paymentIntentRec](o, paymentIntentsColl, id)
}

func (o *objects) putPaymentMethod(pm *paymentMethodRec) { o.put(paymentMethodsColl, pm.ID, pm) }
func (o *objects) putPaymentIntent(pi *paymentIntentRec) { o.put(paymentIntentsColl, pi.ID, pi) }

// clientSecret is the PaymentIntent's client_secret, as Stripe forms it.
func (pi *paymentIntentRec) clientSecret() string { return pi.ID + "_secret_" + pi.Secret }

// automaticPMRec is a PaymentIntent's automatic_payment_methods.
type automaticPMRec struct {
	Enabled        bool   `json:"enabled"`
	AllowRedirects string `json:"allow_redirects,omitempty"`
}
