package emulator

// setupIntentJSON is a SetupIntent as Stripe sends it (API version
// 2026-03-25.dahlia): what the emulator does not model (mandates,
// SetupAttempts, Connect) is null.
type setupIntentJSON struct {
	ID                                string          `json:"id"`
	Object                            string          `json:"object"`
	Application                       *string         `json:"application"`
	AutomaticPaymentMethods           *automaticPMRec `json:"automatic_payment_methods"`
	CancellationReason                *string         `json:"cancellation_reason"`
	ClientSecret                      string          `json:"client_secret"`
	Created                           int64           `json:"created"`
	Customer                          *string         `json:"customer"`
	Description                       *string         `json:"description"`
	ExcludedPaymentMethodTypes        []string        `json:"excluded_payment_method_types"`
	FlowDirections                    []string        `json:"flow_directions"`
	LastSetupError                    *lastErrorJSON  `json:"last_setup_error"`
	LatestAttempt                     *string         `json:"latest_attempt"`
	Livemode                          bool            `json:"livemode"`
	Mandate                           *string         `json:"mandate"`
	Metadata                          metadata        `json:"metadata"`
	NextAction                        *nextActionJSON `json:"next_action"`
	OnBehalfOf                        *string         `json:"on_behalf_of"`
	PaymentMethod                     *string         `json:"payment_method"`
	PaymentMethodConfigurationDetails *struct{}       `json:"payment_method_configuration_details"`
	PaymentMethodOptions              siMethodOptions `json:"payment_method_options"`
	PaymentMethodTypes                []string        `json:"payment_method_types"`
	SingleUseMandate                  *string         `json:"single_use_mandate"`
	Status                            string          `json:"status"`
	Usage                             string          `json:"usage"`
}

// siMethodOptions is a card SetupIntent's payment_method_options, as
// Stripe shapes them.
type siMethodOptions struct {
	Card siCardOptions `json:"card"`
}

type siCardOptions struct {
	MandateOptions      *struct{} `json:"mandate_options"`
	Network             *string   `json:"network"`
	RequestThreeDSecure string    `json:"request_three_d_secure"`
}

// renderSetupIntent is si as Stripe sends it.
func renderSetupIntent(si *setupIntentRec) *setupIntentJSON {
	out := &setupIntentJSON{
		ID: si.ID, Object: "setup_intent", AutomaticPaymentMethods: si.AutomaticPM,
		CancellationReason: opt(si.CancellationReason), ClientSecret: si.clientSecret(), Created: si.Created,
		Customer: opt(si.Customer), Description: opt(si.Description), Metadata: si.Metadata,
		PaymentMethod:        opt(si.PaymentMethod),
		PaymentMethodOptions: siMethodOptions{Card: siCardOptions{RequestThreeDSecure: "automatic"}},
		PaymentMethodTypes:   []string{"card"}, Status: si.Status, Usage: si.Usage,
	}
	if e := si.LastError; e != nil {
		out.LastSetupError = &lastErrorJSON{Code: e.Code, DeclineCode: e.DeclineCode, DocURL: docURL(e.Code),
			Message: e.Message, Param: e.Param, Type: e.Type}
		if e.Method != nil {
			out.LastSetupError.PaymentMethod = renderPaymentMethod(e.Method)
		}
	}
	out.NextAction = nextAction(si.NextAction, si.ReturnURL, si.ChallengeURL)
	return out
}
