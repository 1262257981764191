package emulator

// The records below are what the emulator keeps in its Store, one JSON
// document each. They hold exactly what the responses need: never a card
// number, CVC, id number or bank account number, only last4, fingerprint and
// the catalog preset whose Outcome decides what a charge does.

// tokenRec is one token. Magic tokens (tok_visa) are not stored: they are
// minted from the catalog on every read and use.
type tokenRec struct {
	ID       string   `json:"id"`
	Type     string   `json:"type"` // card, bank_account, pii, account
	Used     bool     `json:"used"`
	Created  int64    `json:"created"`
	ClientIP string   `json:"client_ip,omitempty"`
	Card     *cardRec `json:"card,omitempty"`
	Bank     *bankRec `json:"bank_account,omitempty"`
	// Account is what an account token says of the account it makes.
	Account *accountTokenRec `json:"account,omitempty"`
}

// cardRec is a card as Stripe shows it. Check fields hold "pass", "fail",
// "unavailable", "unchecked", or "" for null (nothing given to check).
type cardRec struct {
	ID          string  `json:"id"`
	Preset      string  `json:"preset"` // model.CardPreset.Name
	Brand       string  `json:"brand"`
	Funding     string  `json:"funding"`
	Country     string  `json:"country"`
	Last4       string  `json:"last4"`
	ExpMonth    int     `json:"exp_month"`
	ExpYear     int     `json:"exp_year"`
	Fingerprint string  `json:"fingerprint"`
	Name        string  `json:"name,omitempty"`
	Address     address `json:"address,omitzero"`
	CVCCheck    string  `json:"cvc_check,omitempty"`
	ZipCheck    string  `json:"zip_check,omitempty"`
	Line1Check  string  `json:"line1_check,omitempty"`
	Customer    string  `json:"customer,omitempty"`
	// Created is when the card was tokenized: a customer's card listed
	// as a PaymentMethod (cardsources.go) is dated by it.
	Created int64 `json:"created,omitempty"`

	Metadata metadata `json:"metadata,omitempty"` // a source update's (sourceupdate.go)
}

// address is the billing address given with a card.
type address struct {
	City    string `json:"city,omitempty"`
	Country string `json:"country,omitempty"`
	Line1   string `json:"line1,omitempty"`
	Line2   string `json:"line2,omitempty"`
	State   string `json:"state,omitempty"`
	Zip     string `json:"zip,omitempty"`
}

// bankRec is a bank account as Stripe shows it.
type bankRec struct {
	ID            string `json:"id"`
	Preset        string `json:"preset,omitempty"` // model.BankPreset.Name
	Country       string `json:"country"`
	Currency      string `json:"currency"`
	RoutingNumber string `json:"routing_number"`
	BankName      string `json:"bank_name,omitempty"`
	Last4         string `json:"last4"`
	HolderName    string `json:"holder_name,omitempty"`
	HolderType    string `json:"holder_type,omitempty"`
	Fingerprint   string `json:"fingerprint"`
	Customer      string `json:"customer,omitempty"`
	// Status is "" (new) until micro-deposits verify it ("verified"), or
	// verification_failed once FailedVerifications reach verifyAttempts
	// (bankverifylock.go).
	Status              string `json:"status,omitempty"`
	FailedVerifications int    `json:"failed_verifications,omitempty"`

	Metadata metadata `json:"metadata,omitempty"` // a source update's (sourceupdate.go)
}

// customerRec is a customer and its default source: Card or Bank, at most
// one of them.
type customerRec struct {
	ID          string   `json:"id"`
	Created     int64    `json:"created"`
	Email       string   `json:"email,omitempty"`
	Description string   `json:"description,omitempty"`
	Metadata    metadata `json:"metadata,omitempty"`
	Name        string   `json:"name,omitempty"`
	Phone       string   `json:"phone,omitempty"`
	Address     address  `json:"address,omitzero"`
	Card        *cardRec `json:"card,omitempty"`
	Bank        *bankRec `json:"bank_account,omitempty"`
	// Others are the sources added after the default one, oldest first
	// (customersources.go).
	Others []sourceRec `json:"other_sources,omitempty"`
	// Deleted: DELETE /v1/customers/{id}. Stripe still answers a GET of
	// it ({id, object, deleted: true}); every other use is refused.
	Deleted bool `json:"deleted,omitempty"`
	customerExtras
}

// defaultSource is the id of the customer's source, "" when none.
func (c *customerRec) defaultSource() string {
	switch {
	case c.Card != nil:
		return c.Card.ID
	case c.Bank != nil:
		return c.Bank.ID
	}
	return ""
}

// chargeRec is a charge, failed ones included (Stripe keeps those too).
type chargeRec struct {
	ID          string   `json:"id"`
	Created     int64    `json:"created"`
	Amount      int64    `json:"amount"`
	Currency    string   `json:"currency"`
	Customer    string   `json:"customer,omitempty"`
	Description string   `json:"description,omitempty"`
	Metadata    metadata `json:"metadata,omitempty"`
	chargeExtras
	Card           *cardRec `json:"card"`   // nil for an ACH debit (Money.Bank)
	Status         string   `json:"status"` // succeeded, failed
	FailureCode    string   `json:"failure_code,omitempty"`
	FailureMessage string   `json:"failure_message,omitempty"`
	Outcome        outcome  `json:"outcome"`
	BalanceTx      string   `json:"balance_transaction,omitempty"`
	// PaymentIntent and PaymentMethod are set on a PaymentIntent's charge.
	PaymentIntent string `json:"payment_intent,omitempty"`
	PaymentMethod string `json:"payment_method,omitempty"`
	// ThreeDSecure: the payment passed 3D Secure (threedsecure.go).
	ThreeDSecure *threeDSRec `json:"three_d_secure,omitempty"`
	// Uncaptured: an authorization not captured yet (capture=false, or
	// a manual-capture PaymentIntent's charge), to capture before
	// CaptureBefore (unix seconds; authorization.go). AmountCaptured is
	// what a capture took (0: the whole amount), at CapturedAt.
	Uncaptured     bool  `json:"uncaptured,omitempty"`
	CaptureBefore  int64 `json:"capture_before,omitempty"`
	Expired        bool  `json:"expired,omitempty"`  // not captured in time (authorizationexpiry.go)
	Released       bool  `json:"released,omitempty"` // by its PaymentIntent's cancel (release.go)
	AmountCaptured int64 `json:"amount_captured,omitempty"`
	CapturedAt     int64 `json:"captured_at,omitempty"`
	// Money is what happened to the charge after it was made: refunds,
	// a dispute, an ACH debit settling (moneyrecords.go).
	Money chargeMoney `json:"money,omitzero"`
	// disputeReason: a dispute test card's charge, to be disputed once it
	// is stored (putCharge); never stored itself.
	disputeReason string
	// expiring: it has just expired, and its write is the expiry's
	// (authorizationexpiry.go); never stored itself.
	expiring bool
}

// captured is what the charge has captured.
func (ch *chargeRec) captured() int64 {
	switch {
	case ch.Status != "succeeded" || ch.Uncaptured:
		return 0
	case ch.AmountCaptured > 0:
		return ch.AmountCaptured
	}
	return ch.Amount
}

// refundable is what refunds of the charge may add up to: what it
// captured, or all of an authorization still held (a refund of it is its
// release). What a partial capture left is not refundable: it was never
// taken.
func (ch *chargeRec) refundable() int64 {
	if ch.Uncaptured {
		return ch.Amount
	}
	return ch.captured()
}

// outcome is Stripe's charge.outcome.
type outcome struct {
	NetworkStatus string `json:"network_status"`
	Reason        string `json:"reason,omitempty"`
	RiskLevel     string `json:"risk_level"`
	RiskScore     int    `json:"risk_score"`
	SellerMessage string `json:"seller_message"`
	Type          string `json:"type"`
}
