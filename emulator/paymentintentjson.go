package emulator

type paymentIntentJSON struct {
	ID                        string          `json:"id"`
	Object                    string          `json:"object"`
	Amount                    int64           `json:"amount"`
	AmountCapturable          int64           `json:"amount_capturable"`
	AmountReceived            int64           `json:"amount_received"`
	Application               *string         `json:"application"`
	ApplicationFeeAmount      *int64          `json:"application_fee_amount"`
	AutomaticPaymentMethods   *automaticPMRec `json:"automatic_payment_methods"`
	CanceledAt                *int64          `json:"canceled_at"`
	CancellationReason        *string         `json:"cancellation_reason"`
	CaptureMethod             string          `json:"capture_method"`
	ClientSecret              string          `json:"client_secret"`
	ConfirmationMethod        string          `json:"confirmation_method"`
	Created                   int64           `json:"created"`
	Currency                  string          `json:"currency"`
	Customer                  *string         `json:"customer"`
	Description               *string         `json:"description"`
	LastPaymentError          *lastErrorJSON  `json:"last_payment_error"`
	LatestCharge              *string         `json:"latest_charge"`
	Livemode                  bool            `json:"livemode"`
	Metadata                  metadata        `json:"metadata"`
	NextAction                *nextActionJSON `json:"next_action"`
	OnBehalfOf                *string         `json:"on_behalf_of"`
	PaymentMethod             *string         `json:"payment_method"`
	PaymentMethodOptions      pmOptions       `json:"payment_method_options"`
	PaymentMethodTypes        []string        `json:"payment_method_types"`
	Processing                *struct{}       `json:"processing"`
	ReceiptEmail              *string         `json:"receipt_email"`
	Review                    *string         `json:"review"`
	SetupFutureUsage          *string         `json:"setup_future_usage"`
	Shipping                  *shippingJSON   `json:"shipping"`
	StatementDescriptor       *string         `json:"statement_descriptor"`
	StatementDescriptorSuffix *string         `json:"statement_descriptor_suffix"`
	Status                    string          `json:"status"`
	TransferData              *struct{}       `json:"transfer_data"`
	TransferGroup             *string         `json:"transfer_group"`
}

type lastErrorJSON struct {
	Charge      string `json:"charge,omitempty"`
	Code        string `json:"code,omitempty"`
	DeclineCode string `json:"decline_code,omitempty"`
	DocURL      string `json:"doc_url,omitempty"`
	Message     string `json:"message,omitempty"`
	Param       string `json:"param,omitempty"`
	// PaymentMethod is the PaymentMethod that failed, whole.
	PaymentMethod *paymentMethodJSON `json:"payment_method,omitempty"`
	Type          string             `json:"type"`
}

// pmOptions is a card PaymentIntent's payment_method_options, as Stripe
// shapes them: 3D Secure when the card asks for it.
type pmOptions struct {
	Card pmCardOptions `json:"card"`
}

type pmCardOptions struct {
	Installments        *struct{} `json:"installments"`
	MandateOptions      *struct{} `json:"mandate_options"`
	Network             *string   `json:"network"`
	RequestThreeDSecure string    `json:"request_three_d_secure"`
}

type nextActionJSON struct {
	RedirectToURL *redirectJSON `json:"redirect_to_url,omitempty"`
	Type          string        `json:"type"`
	UseStripeSDK  *useSDKJSON   `json:"use_stripe_sdk,omitempty"`
}

type redirectJSON struct {
	ReturnURL *string `json:"return_url"`
	URL       *string `json:"url"`
}

// useSDKJSON is what Stripe.js reads to run a challenge: the emulator's
// page stands in for the issuer's, under stripe_js as Stripe's
// three_d_secure_redirect has it.
type useSDKJSON struct {
	StripeJS string `json:"stripe_js"`
	Type     string `json:"type"`
}

// renderPaymentIntent is pi as Stripe sends it.
func renderPaymentIntent(pi *paymentIntentRec) *paymentIntentJSON {
	out := &paymentIntentJSON{
		ID: pi.ID, Object: "payment_intent", Amount: pi.Amount, AutomaticPaymentMethods: pi.AutomaticPM,
		AmountCapturable: pi.AmountCapturable, AmountReceived: pi.AmountReceived,
		CancellationReason: opt(pi.CancellationReason), CaptureMethod: pi.CaptureMethod,
		ClientSecret: pi.clientSecret(), ConfirmationMethod: pi.ConfirmationMethod,
		Created: pi.Created, Currency: pi.Currency, Customer: opt(pi.Customer),
		Description: opt(pi.Description), LatestCharge: opt(pi.LatestCharge),
		Metadata: pi.Metadata, PaymentMethod: opt(pi.PaymentMethod),
		PaymentMethodOptions: pmOptions{Card: pmCardOptions{RequestThreeDSecure: "automatic"}},
		PaymentMethodTypes:   []string{"card"}, SetupFutureUsage: opt(pi.SetupFutureUsage),
		Status: pi.Status,
	}
	pi.piExtras.show(out)
	if pi.CanceledAt != 0 {
		out.CanceledAt = &pi.CanceledAt
	}
	if e := pi.LastError; e != nil {
		out.LastPaymentError = &lastErrorJSON{Charge: e.Charge, Code: e.Code, DeclineCode: e.DeclineCode,
			DocURL: docURL(e.Code), Message: e.Message, Param: e.Param, Type: e.Type}
		if e.Method != nil {
			out.LastPaymentError.PaymentMethod = renderPaymentMethod(e.Method)
		}
	}
	out.NextAction = nextAction(pi.NextAction, pi.ReturnURL, pi.ChallengeURL)
	return out
}

// nextAction is an intent's next_action of type typ (nil for none): the
// challenge page at link, and the return_url after it.
func nextAction(typ, returnURL, link string) *nextActionJSON {
	switch typ {
	case "redirect_to_url":
		return &nextActionJSON{Type: typ, RedirectToURL: &redirectJSON{ReturnURL: opt(returnURL), URL: opt(link)}}
	case "use_stripe_sdk":
		return &nextActionJSON{Type: typ, UseStripeSDK: &useSDKJSON{StripeJS: link, Type: "three_d_secure_redirect"}}
	}
	return nil
}
