package emulator

// The *JSON types are the API objects as Stripe sends them: every field of
// the OpenAPI schema, null where the emulator has nothing to say, in Stripe's
// order (id and object first). They are built from the records on each
// response, so the file keeps only the few facts that vary.

// opt is a nullable string: "" is null.
func opt(s string) *string {
	if s == "" {
		return nil
	}
	return &s
}

type tokenJSON struct {
	ID          string    `json:"id"`
	Object      string    `json:"object"`
	BankAccount *bankJSON `json:"bank_account,omitempty"`
	Card        *cardJSON `json:"card,omitempty"`
	ClientIP    *string   `json:"client_ip"`
	Created     int64     `json:"created"`
	Livemode    bool      `json:"livemode"`
	Type        string    `json:"type"`
	Used        bool      `json:"used"`
}

func renderToken(t *tokenRec) *tokenJSON {
	out := &tokenJSON{
		ID: t.ID, Object: "token", ClientIP: opt(t.ClientIP),
		Created: t.Created, Type: t.Type, Used: t.Used,
	}
	if t.Card != nil {
		out.Card = renderCard(t.Card)
	}
	if t.Bank != nil {
		out.BankAccount = renderBank(t.Bank)
	}
	return out
}

type cardJSON struct {
	ID                     string            `json:"id"`
	Object                 string            `json:"object"`
	Account                *string           `json:"account"`
	AddressCity            *string           `json:"address_city"`
	AddressCountry         *string           `json:"address_country"`
	AddressLine1           *string           `json:"address_line1"`
	AddressLine1Check      *string           `json:"address_line1_check"`
	AddressLine2           *string           `json:"address_line2"`
	AddressState           *string           `json:"address_state"`
	AddressZip             *string           `json:"address_zip"`
	AddressZipCheck        *string           `json:"address_zip_check"`
	AllowRedisplay         string            `json:"allow_redisplay"`
	AvailablePayoutMethods []string          `json:"available_payout_methods"`
	Brand                  string            `json:"brand"`
	Country                *string           `json:"country"`
	Currency               *string           `json:"currency"`
	Customer               *string           `json:"customer"`
	CVCCheck               *string           `json:"cvc_check"`
	DefaultForCurrency     *bool             `json:"default_for_currency"`
	DynamicLast4           *string           `json:"dynamic_last4"`
	ExpMonth               int               `json:"exp_month"`
	ExpYear                int               `json:"exp_year"`
	Fingerprint            string            `json:"fingerprint"`
	Funding                string            `json:"funding"`
	Last4                  string            `json:"last4"`
	Metadata               map[string]string `json:"metadata"`
	Name                   *string           `json:"name"`
	Networks               cardNetworks      `json:"networks"`
	RegulatedStatus        string            `json:"regulated_status"`
	Status                 *string           `json:"status"`
	TokenizationMethod     *string           `json:"tokenization_method"`
}

type cardNetworks struct {
	Preferred *string `json:"preferred"`
}

func renderCard(c *cardRec) *cardJSON {
	return &cardJSON{
		ID: c.ID, Object: "card",
		AddressCity:       opt(c.Address.City),
		AddressCountry:    opt(c.Address.Country),
		AddressLine1:      opt(c.Address.Line1),
		AddressLine1Check: opt(c.Line1Check),
		AddressLine2:      opt(c.Address.Line2),
		AddressState:      opt(c.Address.State),
		AddressZip:        opt(c.Address.Zip),
		AddressZipCheck:   opt(c.ZipCheck),
		AllowRedisplay:    "unspecified",
		Brand:             c.Brand,
		Country:           opt(c.Country),
		Customer:          opt(c.Customer),
		CVCCheck:          opt(c.CVCCheck),
		ExpMonth:          c.ExpMonth,
		ExpYear:           c.ExpYear,
		Fingerprint:       c.Fingerprint,
		Funding:           c.Funding,
		Last4:             c.Last4,
		Metadata:          c.Metadata.shown(),
		Name:              opt(c.Name),
		// Stripe's test cards are issued by unregulated banks.
		RegulatedStatus: "unregulated",
	}
}

type bankJSON struct {
	ID                string            `json:"id"`
	Object            string            `json:"object"`
	AccountHolderName *string           `json:"account_holder_name"`
	AccountHolderType *string           `json:"account_holder_type"`
	AccountType       *string           `json:"account_type"`
	BankName          *string           `json:"bank_name"`
	Country           string            `json:"country"`
	Currency          string            `json:"currency"`
	Customer          *string           `json:"customer"`
	Fingerprint       string            `json:"fingerprint"`
	Last4             string            `json:"last4"`
	Metadata          map[string]string `json:"metadata"`
	RoutingNumber     string            `json:"routing_number"`
	Status            string            `json:"status"`
}

func renderBank(b *bankRec) *bankJSON {
	return &bankJSON{
		ID: b.ID, Object: "bank_account",
		AccountHolderName: opt(b.HolderName),
		AccountHolderType: opt(b.HolderType),
		BankName:          opt(b.BankName),
		Country:           b.Country,
		Currency:          b.Currency,
		Customer:          opt(b.Customer),
		Fingerprint:       b.Fingerprint,
		Last4:             b.Last4,
		Metadata:          b.Metadata.shown(),
		RoutingNumber:     b.RoutingNumber,
		Status:            bankStatus(b),
	}
}

// bankStatus: a new account is unverified; Stripe says "new" until
// micro-deposits or instant verification succeed.
func bankStatus(b *bankRec) string {
	if b.Status == "" {
		return "new"
	}
	return b.Status
}
