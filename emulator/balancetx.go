package emulator

import (
	"cmp"
	"math"
	"net/http"
	"time"

	"github.com/tokenscope/tokenscope/model"
)

// A succeeded charge makes a balance transaction, kept as an object of its
// own (GET /v1/balance_transactions lists them, newest first, as Stripe
// does): Stripe's standard US card pricing, settled in the charge's
// currency, available two days after the charge. The emulator keeps no
// balance: a transaction's status is "pending" until its available_on and
// "available" after, whenever it is read.

const (
	balanceTxColl = "balance_transactions"
	feePercent    = 2.9
	feeFixed      = 30 // in the currency's smallest unit
	settleDays    = 2
)

// balanceTxRec is what the emulator keeps of a balance transaction; the
// rest is derived when it is rendered.
type balanceTxRec struct {
	ID          string `json:"id"`
	Type        string `json:"type"`   // charge, refund, payment_failure_refund, refund_failure
	Source      string `json:"source"` // the ch_, py_ or re_ it records
	Amount      int64  `json:"amount"`
	Fee         int64  `json:"fee"`
	Currency    string `json:"currency"`
	Created     int64  `json:"created"`
	Description string `json:"description,omitempty"`
	// Category is the reporting_category when the type does not say it
	// (an adjustment: a dispute's withdrawal or reversal).
	Category string `json:"category,omitempty"`
}

// chargeBalanceTx is the balance transaction of ch, a charge that took
// money: a card charge once captured (what the capture took, when it
// took it), an ACH debit from the start, while it is pending, as
// Stripe's does.
func chargeBalanceTx(ch *chargeRec) *balanceTxRec {
	amount := ch.Amount
	if ch.AmountCaptured > 0 {
		amount = ch.AmountCaptured
	}
	fee := int64(math.Round(float64(amount)*feePercent/100)) + feeFixed
	if ch.Money.Bank != nil {
		fee = min(int64(math.Round(float64(amount)*achFeePercent/100)), achFeeCap)
	}
	return &balanceTxRec{
		ID: ch.BalanceTx, Type: "charge", Source: ch.ID, Amount: amount, Fee: fee,
		Currency: ch.Currency, Created: cmp.Or(ch.CapturedAt, ch.Created), Description: ch.Description,
	}
}

// Stripe's US ACH Direct Debit pricing: 0.8%, at most 5.00.
const (
	achFeePercent = 0.8
	achFeeCap     = 500
)

// refundBalanceTx is the balance transaction of a refund: the amount
// leaving the balance, with no fee.
func refundBalanceTx(re *refundRec) *balanceTxRec {
	return &balanceTxRec{ID: re.BalanceTx, Type: "refund", Source: re.ID, Amount: -re.Amount,
		Currency: re.Currency, Created: re.Created}
}

// failureBalanceTx is the balance transaction of a failed ACH debit
// (Stripe's type payment_failure_refund, the charge's
// failure_balance_transaction): the debit's amount leaves the balance
// again, at (unix seconds) when the debit failed. The debit's own
// transaction stays, fee and all, as a refund leaves its charge's.
func failureBalanceTx(ch *chargeRec, at int64) *balanceTxRec {
	return &balanceTxRec{ID: ch.Money.FailureTx, Type: "payment_failure_refund", Source: ch.ID,
		Amount: -chargeBalanceTx(ch).Amount, Currency: ch.Currency, Created: at}
}

// refundFailureBalanceTx is the balance transaction of a refund that
// failed (Stripe's type refund_failure, the refund's
// failure_balance_transaction): its amount comes back to the balance.
func refundFailureBalanceTx(re *refundRec, at int64) *balanceTxRec {
	return &balanceTxRec{ID: re.FailureTx, Type: "refund_failure", Source: re.ID, Amount: re.Amount,
		Currency: re.Currency, Created: at}
}

// reportingCategories are the reporting_category of the types whose
// category is not named as the type is (Stripe's reporting categories).
var reportingCategories = map[string]string{"payment_failure_refund": "charge_failure"}

// feeDescriptions are the fee_details descriptions of fees other than
// processing fees, by reporting category.
var feeDescriptions = map[string]string{categoryDispute: "Dispute fee", categoryDisputeReversal: "Dispute fee"}

type balanceTxJSON struct {
	ID                string      `json:"id"`
	Object            string      `json:"object"`
	Amount            int64       `json:"amount"`
	AvailableOn       int64       `json:"available_on"`
	BalanceType       string      `json:"balance_type"`
	Created           int64       `json:"created"`
	Currency          string      `json:"currency"`
	Description       *string     `json:"description"`
	ExchangeRate      *float64    `json:"exchange_rate"`
	Fee               int64       `json:"fee"`
	FeeDetails        []feeDetail `json:"fee_details"`
	Net               int64       `json:"net"`
	ReportingCategory string      `json:"reporting_category"`
	Source            string      `json:"source"`
	Status            string      `json:"status"`
	Type              string      `json:"type"`
}

type feeDetail struct {
	Amount      int64   `json:"amount"`
	Application *string `json:"application"`
	Currency    string  `json:"currency"`
	Description string  `json:"description"`
	Type        string  `json:"type"`
}

// renderBalanceTx is bt as it stands at now.
func renderBalanceTx(bt *balanceTxRec, now time.Time) *balanceTxJSON {
	created := time.Unix(bt.Created, 0).UTC()
	available := created.Truncate(24*time.Hour).AddDate(0, 0, settleDays)
	status := "pending"
	if !now.Before(available) {
		status = "available"
	}
	category := cmp.Or(bt.Category, reportingCategories[bt.Type], bt.Type)
	fees := []feeDetail{}
	if bt.Fee != 0 {
		fees = append(fees, feeDetail{Amount: bt.Fee, Currency: bt.Currency, Description: cmp.Or(feeDescriptions[category], "Stripe processing fees"), Type: "stripe_fee"})
	}
	return &balanceTxJSON{
		ID: bt.ID, Object: "balance_transaction", Amount: bt.Amount,
		AvailableOn: available.Unix(), BalanceType: "payments", Created: bt.Created,
		Currency: bt.Currency, Description: opt(bt.Description), Fee: bt.Fee,
		FeeDetails: fees,
		Net:        bt.Amount - bt.Fee, ReportingCategory: category, Source: bt.Source,
		Status: status, Type: bt.Type,
	}
}

var balanceTxListParams = append([]string{"currency", "payout", "source", "type"}, append(createdParams, pageParams...)...)

// listBalanceTxs is GET /v1/balance_transactions, newest first, filtered
// by currency, source, type and created. The emulator makes no payouts,
// so the payout filter matches nothing.
func listBalanceTxs(c *call) (any, *model.Error) {
	pg, cr, aerr := readListing(c.params)
	if aerr != nil {
		return nil, aerr
	}
	match := func(param, value string) bool { return !c.params.Has(param) || c.params.get(param) == value }
	none := c.params.Has("payout")
	keep := func(bt *balanceTxRec) bool {
		return cr.holds(bt.Created) && match("currency", bt.Currency) && match("source", bt.Source) &&
			match("type", bt.Type) && !none
	}
	render := func(bt *balanceTxRec) any { return renderBalanceTx(bt, c.now) }
	// A debit or refund that failed by now has its transaction listed.
	settleDue(c.objs)
	return collectionLister(c, balanceTxColl, "/v1/balance_transactions", "balance transaction", keep, render).page(pg)
}

// getBalanceTx is GET /v1/balance_transactions/{id}.
func getBalanceTx(c *call) (any, *model.Error) {
	bt, ok := c.objs.balanceTx(c.id())
	if !ok {
		return nil, noSuch(http.StatusNotFound, "balance transaction", c.id(), "id")
	}
	return renderBalanceTx(bt, c.now), nil
}

func (o *objects) balanceTx(id string) (*balanceTxRec, bool) {
	return get[balanceTxRec](o, balanceTxColl, id)
}

// keepBalanceTx keeps the balance transactions of ch, the first time ch
// is put with each: whichever request makes a charge succeed (a charge, a
// payment intent's confirm or capture) makes its balance transaction; the
// write of a debit that failed, its reversal.
func (o *objects) keepBalanceTx(ch *chargeRec) {
	if ch.BalanceTx != "" && !o.has(balanceTxColl, ch.BalanceTx) {
		o.put(balanceTxColl, ch.BalanceTx, chargeBalanceTx(ch))
	}
	if tx := ch.Money.FailureTx; tx != "" && !o.has(balanceTxColl, tx) {
		o.put(balanceTxColl, tx, failureBalanceTx(ch, o.changedAt()))
	}
}

// keepRefundBalanceTx keeps the balance transaction of a refund that
// names one, the first time the refund is put (its id must be readable as
// every balance transaction is), and that of its failure once it failed.
func (o *objects) keepRefundBalanceTx(re *refundRec) {
	if re.BalanceTx != "" && !o.has(balanceTxColl, re.BalanceTx) {
		o.put(balanceTxColl, re.BalanceTx, refundBalanceTx(re))
	}
	if re.Status == "failed" && re.FailureTx != "" && !o.has(balanceTxColl, re.FailureTx) {
		o.put(balanceTxColl, re.FailureTx, refundFailureBalanceTx(re, o.changedAt()))
	}
}

// changedAt is when this Update's writes happen (unix seconds): the
// request's time, or when the change it writes fell due (settle.go).
func (o *objects) changedAt() int64 {
	if o.origin != nil {
		return o.origin.now.Unix()
	}
	return o.now.Unix()
}
