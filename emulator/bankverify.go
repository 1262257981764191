package emulator

import (
	"net/http"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/tokenscope/tokenscope/model"
)

// Stripe's test mode sends the micro-deposits 32 and 45 cents to every
// test bank account; verifying with them (in any order) succeeds.
var testDeposits = []int64{32, 45}

// achSettleDelay is how long an ACH debit stays pending before its test
// account decides it. Stripe's take days; the emulator's a few seconds, so
// that a second look shows the outcome, and tests move a virtual clock.
const achSettleDelay = 5 * time.Second

// achFailures are Stripe's failure messages for the ACH failure codes the
// test account numbers give (model.Banks).
var achFailures = map[string]string{
	"account_closed":       "The customer's bank account has been closed.",
	"no_account":           "The customer's bank account could not be located.",
	"insufficient_funds":   "The customer's account has insufficient funds to cover this payment.",
	"debit_not_authorized": "The customer has notified their bank that this payment was unauthorized.",
	"invalid_currency":     "The bank was unable to process this payment because of its currency.",
}

var verifyParams = []string{"amounts[", "expand["}

// verifySource is POST /v1/customers/{cus}/sources/{ba}/verify
// amounts[]=32&amounts[]=45: it verifies the customer's bank account.
func verifySource(c *call) (any, *model.Error) {
	cus, ok := c.objs.customer(c.ids[0])
	if !ok {
		return nil, noSuch(http.StatusNotFound, "customer", c.ids[0], "customer")
	}
	src, ok := cus.source(c.id())
	b := src.Bank
	switch {
	case !ok:
		return nil, noSuch(http.StatusNotFound, "source", c.id(), "id")
	case b == nil:
		return nil, invalid("", "", "Only bank account sources can be verified; "+c.id()+" is a card.")
	case b.Status == "verified":
		return nil, invalid("", "", "This bank account has already been verified.")
	case b.Status == statusVerificationFailed:
		return nil, verificationFailed(true)
	}
	amounts, aerr := readAmounts(c.params)
	if aerr != nil {
		return nil, aerr
	}
	slices.Sort(amounts)
	if !slices.Equal(amounts, testDeposits) {
		failVerification(b) // bankverifylock.go
		c.objs.putCustomer(cus)
		return nil, verificationFailed(false)
	}
	b.Status = "verified"
	c.objs.putCustomer(cus)
	return renderBank(b), nil
}

// readAmounts reads amounts[]=32&amounts[]=45 or amounts[0]=32&amounts[1]=45
// (stripe-go's form), in index order.
func readAmounts(p params) ([]int64, *model.Error) {
	var keys []string
	for k := range p.Values {
		if strings.HasPrefix(k, "amounts[") {
			keys = append(keys, k)
		}
	}
	// amounts[2] before amounts[10]: by length, then by text.
	slices.SortFunc(keys, func(a, b string) int {
		if len(a) != len(b) {
			return len(a) - len(b)
		}
		return strings.Compare(a, b)
	})
	var out []int64
	for _, k := range keys {
		for _, v := range p.Values[k] {
			n, err := strconv.ParseInt(strings.TrimSpace(v), 10, 64)
			if err != nil {
				return nil, invalid("", k, "Invalid integer: "+v)
			}
			out = append(out, n)
		}
	}
	if len(out) != len(testDeposits) {
		return nil, invalid("", "amounts", "You must provide exactly two amounts to verify a bank account.")
	}
	return out, nil
}

// achDebit is a charge on a verified bank account: pending, then decided
// by the test account number (model.Banks) once achSettleDelay has
// passed; bank_processing stays pending.
func achDebit(c *call, bank *bankRec, customer string, amount int64, currency string) *chargeRec {
	ch := &chargeRec{
		ID: newID("py_", longID), Created: c.now.Unix(), Amount: amount, Currency: currency,
		Customer: customer, Description: c.params.get("description"), Status: "pending",
		BalanceTx: newID("txn_", longID),
		Outcome:   outcome{NetworkStatus: "approved_by_network", Type: "authorized", RiskLevel: "not_assessed", SellerMessage: "Payment complete."},
		Money:     chargeMoney{Bank: bank, SettleAt: c.now.Add(achSettleDelay).Unix()},
	}
	if p, ok := model.BankByName(bank.Preset); ok {
		ch.Money.FailCode = p.Code
		if p.Name == "bank_processing" {
			ch.Money.SettleAt = 0
		}
	}
	return ch
}

type achDebitDetails struct {
	AccountHolderType *string `json:"account_holder_type"`
	BankName          *string `json:"bank_name"`
	Country           *string `json:"country"`
	Fingerprint       *string `json:"fingerprint"`
	Last4             *string `json:"last4"`
	RoutingNumber     *string `json:"routing_number"`
}

// renderBankCharge is an ACH debit: a charge whose source is the
// customer's bank account.
func renderBankCharge(ch *chargeRec) *chargeJSON {
	b := ch.Money.Bank
	succeeded := ch.Status == "succeeded"
	out := &chargeJSON{
		ID: ch.ID, Object: "charge", Amount: ch.Amount, AmountCaptured: ch.Amount,
		BalanceTransaction: opt(ch.BalanceTx), BillingDetails: billingDetails{Name: opt(b.HolderName)},
		CalculatedStatementDesc: opt(accountDescriptor),
		Captured:                true, Created: ch.Created, Currency: ch.Currency,
		Customer: opt(ch.Customer), Description: opt(ch.Description), FailureCode: opt(ch.FailureCode),
		FailureMessage: opt(ch.FailureMessage), FraudDetails: map[string]string{}, Metadata: ch.Metadata,
		Outcome: outcomeJSON{
			NetworkStatus: ch.Outcome.NetworkStatus, Reason: opt(ch.Outcome.Reason),
			RiskLevel: ch.Outcome.RiskLevel, RiskScore: ch.Outcome.RiskScore,
			SellerMessage: ch.Outcome.SellerMessage, Type: ch.Outcome.Type,
		},
		Paid: succeeded, PaymentMethod: b.ID,
		PaymentMethodDetails: pmDetails{Type: "ach_debit", AchDebit: &achDebitDetails{
			AccountHolderType: opt(b.HolderType), BankName: opt(b.BankName), Country: opt(b.Country),
			Fingerprint: opt(b.Fingerprint), Last4: opt(b.Last4), RoutingNumber: opt(b.RoutingNumber),
		}},
		Source: renderBank(b), Status: ch.Status, FailureBalanceTransaction: opt(ch.Money.FailureTx),
	}
	ch.Money.show(out, ch.refundable())
	ch.chargeExtras.show(out)
	return out
}
