package emulator

import (
	"strings"

	"github.com/tokenscope/tokenscope/model"
)

type chargeJSON struct {
	ID                        string            `json:"id"`
	Object                    string            `json:"object"`
	Amount                    int64             `json:"amount"`
	AmountCaptured            int64             `json:"amount_captured"`
	AmountRefunded            int64             `json:"amount_refunded"`
	Application               *string           `json:"application"`
	ApplicationFee            *string           `json:"application_fee"`
	ApplicationFeeAmount      *int64            `json:"application_fee_amount"`
	BalanceTransaction        *string           `json:"balance_transaction"`
	BillingDetails            billingDetails    `json:"billing_details"`
	CalculatedStatementDesc   *string           `json:"calculated_statement_descriptor"`
	Captured                  bool              `json:"captured"`
	Created                   int64             `json:"created"`
	Currency                  string            `json:"currency"`
	Customer                  *string           `json:"customer"`
	Description               *string           `json:"description"`
	Disputed                  bool              `json:"disputed"`
	FailureBalanceTransaction *string           `json:"failure_balance_transaction"`
	FailureCode               *string           `json:"failure_code"`
	FailureMessage            *string           `json:"failure_message"`
	FraudDetails              map[string]string `json:"fraud_details"`
	Livemode                  bool              `json:"livemode"`
	Metadata                  metadata          `json:"metadata"`
	OnBehalfOf                *string           `json:"on_behalf_of"`
	Outcome                   outcomeJSON       `json:"outcome"`
	Paid                      bool              `json:"paid"`
	PaymentIntent             *string           `json:"payment_intent"`
	PaymentMethod             string            `json:"payment_method"`
	PaymentMethodDetails      pmDetails         `json:"payment_method_details"`
	ReceiptEmail              *string           `json:"receipt_email"`
	ReceiptNumber             *string           `json:"receipt_number"`
	ReceiptURL                *string           `json:"receipt_url"`
	Refunded                  bool              `json:"refunded"`
	Review                    *string           `json:"review"`
	Shipping                  *shippingJSON     `json:"shipping"`
	Source                    any               `json:"source"` // *cardJSON or *bankJSON
	SourceTransfer            *string           `json:"source_transfer"`
	StatementDescriptor       *string           `json:"statement_descriptor"`
	StatementDescriptorSuffix *string           `json:"statement_descriptor_suffix"`
	Status                    string            `json:"status"`
	TransferData              *struct{}         `json:"transfer_data"`
	TransferGroup             *string           `json:"transfer_group"`
}

type billingDetails struct {
	Address billingAddress `json:"address"`
	Email   *string        `json:"email"`
	Name    *string        `json:"name"`
	Phone   *string        `json:"phone"`
	TaxID   *string        `json:"tax_id"`
}

type billingAddress struct {
	City       *string `json:"city"`
	Country    *string `json:"country"`
	Line1      *string `json:"line1"`
	Line2      *string `json:"line2"`
	PostalCode *string `json:"postal_code"`
	State      *string `json:"state"`
}

type outcomeJSON struct {
	AdviceCode         *string `json:"advice_code"`
	NetworkAdviceCode  *string `json:"network_advice_code"`
	NetworkDeclineCode *string `json:"network_decline_code"`
	NetworkStatus      string  `json:"network_status"`
	Reason             *string `json:"reason"`
	RiskLevel          string  `json:"risk_level"`
	RiskScore          int     `json:"risk_score"`
	SellerMessage      string  `json:"seller_message"`
	Type               string  `json:"type"`
}

type pmDetails struct {
	AchDebit *achDebitDetails `json:"ach_debit,omitempty"`
	Card     *pmCard          `json:"card,omitempty"`
	Type     string           `json:"type"`
}

type pmCard struct {
	AmountAuthorized         *int64        `json:"amount_authorized"`
	AuthorizationCode        *string       `json:"authorization_code"`
	Brand                    string        `json:"brand"`
	CaptureBefore            *int64        `json:"capture_before,omitempty"`
	Checks                   pmChecks      `json:"checks"`
	Country                  *string       `json:"country"`
	ExpMonth                 int           `json:"exp_month"`
	ExpYear                  int           `json:"exp_year"`
	ExtendedAuthorization    featureStatus `json:"extended_authorization"`
	Fingerprint              string        `json:"fingerprint"`
	Funding                  string        `json:"funding"`
	IncrementalAuthorization featureStatus `json:"incremental_authorization"`
	Installments             *struct{}     `json:"installments"`
	Last4                    string        `json:"last4"`
	Mandate                  *string       `json:"mandate"`
	Multicapture             featureStatus `json:"multicapture"`
	Network                  string        `json:"network"`
	NetworkToken             networkToken  `json:"network_token"`
	NetworkTransactionID     *string       `json:"network_transaction_id"`
	Overcapture              overcapture   `json:"overcapture"`
	RegulatedStatus          string        `json:"regulated_status"`
	ThreeDSecure             *threeDSJSON  `json:"three_d_secure"`
	TransactionLinkID        *string       `json:"transaction_link_id"`
	Wallet                   *struct{}     `json:"wallet"`
}

// featureStatus is an authorization feature a card may offer; Stripe's
// test cards offer none of them on a charge captured at once.
type featureStatus struct {
	Status string `json:"status"`
}

type networkToken struct {
	Used bool `json:"used"`
}

type overcapture struct {
	MaximumAmountCapturable int64  `json:"maximum_amount_capturable"`
	Status                  string `json:"status"`
}

type pmChecks struct {
	AddressLine1Check      *string `json:"address_line1_check"`
	AddressPostalCodeCheck *string `json:"address_postal_code_check"`
	CVCCheck               *string `json:"cvc_check"`
}

// networks are the lower-case names payment_method_details uses for brands.
var networks = map[string]string{
	"American Express": "amex", "Diners Club": "diners", "MasterCard": "mastercard",
}

func network(brand string) string {
	if n, ok := networks[brand]; ok {
		return n
	}
	return strings.ToLower(brand)
}

func renderCharge(ch *chargeRec) *chargeJSON {
	if ch.Card == nil {
		return renderBankCharge(ch)
	}
	card := ch.Card
	succeeded := ch.Status == "succeeded"
	out := &chargeJSON{
		ID: ch.ID, Object: "charge", Amount: ch.Amount,
		BalanceTransaction: opt(ch.BalanceTx),
		BillingDetails: billingDetails{
			Address: card.Address.render(),
			Name:    opt(card.Name),
		},
		Captured: succeeded && !ch.Uncaptured, Created: ch.Created, Currency: ch.Currency,
		Customer: opt(ch.Customer), Description: opt(ch.Description), FailureCode: opt(ch.FailureCode),
		FailureMessage: opt(ch.FailureMessage), FraudDetails: map[string]string{},
		Metadata: ch.Metadata,
		Outcome: outcomeJSON{
			NetworkStatus: ch.Outcome.NetworkStatus, Reason: opt(ch.Outcome.Reason),
			RiskLevel: ch.Outcome.RiskLevel, RiskScore: ch.Outcome.RiskScore,
			SellerMessage: ch.Outcome.SellerMessage, Type: ch.Outcome.Type,
		},
		Paid: succeeded, PaymentIntent: opt(ch.PaymentIntent), PaymentMethod: cmpOr(ch.PaymentMethod, card.ID),
		PaymentMethodDetails: pmDetails{Type: "card", Card: &pmCard{
			Brand: network(card.Brand),
			Checks: pmChecks{
				AddressLine1Check:      opt(card.Line1Check),
				AddressPostalCodeCheck: opt(card.ZipCheck),
				CVCCheck:               opt(card.CVCCheck),
			},
			Country: opt(card.Country), ExpMonth: card.ExpMonth, ExpYear: card.ExpYear,
			ExtendedAuthorization: featureStatus{"disabled"},
			Fingerprint:           card.Fingerprint, Funding: card.Funding,
			IncrementalAuthorization: featureStatus{"unavailable"},
			Last4:                    card.Last4,
			Multicapture:             featureStatus{"unavailable"},
			Network:                  network(card.Brand),
			Overcapture:              overcapture{MaximumAmountCapturable: ch.Amount, Status: "unavailable"},
			// Stripe's test cards are issued by unregulated banks.
			RegulatedStatus: "unregulated",
		}},
		Status: ch.Status,
	}
	ch.Money.show(out, ch.refundable())
	if ch.PaymentMethod == "" {
		// A charge made with a token or a source shows its card; one
		// made by a PaymentIntent has a PaymentMethod instead.
		out.Source = renderCard(card)
	}
	pm := out.PaymentMethodDetails.Card
	if ch.Outcome.NetworkStatus != "not_sent_to_network" {
		// The network answered: its transaction id, stable per charge.
		pm.NetworkTransactionID = opt(networkTransactionID(ch.ID))
	}
	if succeeded {
		out.AmountCaptured = ch.captured()
		pm.AmountAuthorized = &ch.Amount
		pm.AuthorizationCode = opt(stableDigits("auth:"+ch.ID, 6))
	}
	pm.ThreeDSecure = ch.ThreeDSecure.render(card.Brand)
	if ch.CaptureBefore != 0 {
		// An authorization (capture=false, manual capture) says until
		// when it could be captured, before and after its capture.
		pm.CaptureBefore = &ch.CaptureBefore
	}
	ch.chargeExtras.show(out)
	return out
}

// networkTransactionID is a charge's 15-digit network transaction id. It
// never passes the Luhn check, so it never reads as a card number to the
// secret guard (the body of an idempotent request is stored).
func networkTransactionID(chargeID string) string {
	id := []byte(stableDigits("ntid:"+chargeID, 15))
	if model.Luhn(string(id)) {
		id[14] = '0' + (id[14]-'0'+1)%10
	}
	return string(id)
}
