package model

// TokenRequest is what the user asks to create: exactly one of the parts is
// set, matching Kind. It holds secrets (card number, CVC, id number) only in
// memory; anything that is written or shown goes through Masked.
type TokenRequest struct {
	Kind    Kind
	Card    *CardInput
	Bank    *BankInput
	PII     *PIIInput
	Account *AccountInput
	// Preset names the catalog entry the inputs came from, if any.
	Preset string
	// AllowAnyNumber lets a card number outside Stripe's test cards through
	// local checks (--allow-any-number).
	AllowAnyNumber bool
	// IdempotencyKey is sent as the Idempotency-Key header; "" lets the
	// client make one up.
	IdempotencyKey string
}

// CardInput is a card as typed into a form or flags.
type CardInput struct {
	Number   string
	ExpMonth int
	ExpYear  int // four digits
	CVC      string
	Name     string
	Zip      string
}

// BankInput is a bank account as typed into a form or flags.
type BankInput struct {
	Country       string // ISO 3166-1 alpha-2, "US"
	Currency      string // ISO 4217, lower case, "usd"
	RoutingNumber string
	AccountNumber string
	HolderName    string
	HolderType    string // individual or company
}

// PIIInput is a personal id number (an SSN in the US).
type PIIInput struct {
	IDNumber string
}

// AccountInput is the little an account token needs.
type AccountInput struct {
	BusinessType string // individual or company
	// FirstName and LastName name an individual, CompanyName a company
	// (account[individual][...] and account[company][name]).
	FirstName   string
	LastName    string
	CompanyName string
}

// UseKind says how a token is consumed.
type UseKind string

// The two ways tokenscope uses a token.
const (
	UseCustomer UseKind = "customer"
	UseCharge   UseKind = "charge"
)

// UseRequest asks to consume a token: attach it to a new customer, or charge
// it Amount (in the currency's smallest unit).
type UseRequest struct {
	TokenID  string  `json:"token"`
	Kind     UseKind `json:"kind"`
	Amount   int64   `json:"amount,omitempty"`
	Currency string  `json:"currency,omitempty"`
	// Account is the acct_ an id number goes to (UseIDNumber); with
	// Person, the account the person belongs to.
	Account string `json:"account,omitempty"`
	// Person is the person_ an id number goes to (UseIDNumber), if not
	// the account's individual itself.
	Person string `json:"person,omitempty"`
	// CaptureMethod (automatic or manual) and ReturnURL are a
	// PaymentIntent's (UsePaymentIntent); "" leaves Stripe's defaults.
	CaptureMethod string `json:"capture_method,omitempty"`
	ReturnURL     string `json:"return_url,omitempty"`
	// IdempotencyKey is sent as the Idempotency-Key header; "" lets the
	// client make one up.
	IdempotencyKey string `json:"-"`
}
