package emulator

import (
	"net/http"
	"strings"
	"time"

	"github.com/tokenscope/tokenscope/model"
)

// evidenceFields are the dispute evidence fields Stripe takes as text; the
// file fields (receipt, ...) need uploads, which the emulator has not.
var evidenceFields = []string{
	"access_activity_log", "billing_address", "cancellation_policy_disclosure", "cancellation_rebuttal",
	"customer_email_address", "customer_name", "customer_purchase_ip", "duplicate_charge_explanation",
	"duplicate_charge_id", "product_description", "refund_policy_disclosure", "refund_refusal_explanation",
	"service_date", "shipping_address", "shipping_carrier", "shipping_date", "shipping_tracking_number",
	"uncategorized_text",
}

// evidenceFiles are the evidence fields that name an uploaded file.
var evidenceFiles = []string{
	"cancellation_policy", "customer_communication", "customer_signature", "duplicate_charge_documentation",
	"receipt", "refund_policy", "service_documentation", "shipping_documentation", "uncategorized_file",
}

// disputeResponseDays is how long a merchant has to answer a dispute.
const disputeResponseDays = 7

// openDispute opens the dispute Stripe's test mode opens on a successful
// charge of a dispute test card (model.Outcome.Dispute: a reason, or
// "inquiry"), and marks the charge disputed. An early fraud warning
// ("warning") is no dispute. putCharge calls it once the charge is
// stored as it succeeded, so that its events come in causal order:
// charge.succeeded (disputed false), then the dispute's.
func (o *objects) openDispute(ch *chargeRec, reason string) {
	if reason == "" || reason == "warning" {
		return
	}
	d := &disputeRec{
		ID: newID("du_", longID), Created: o.now.Unix(), Amount: ch.captured(), Currency: ch.Currency,
		Charge: ch.ID, PaymentIntent: ch.PaymentIntent, Reason: reason, Status: "needs_response",
	}
	if reason == "inquiry" {
		// An inquiry is not yet a chargeback; Stripe gives it the
		// general reason.
		d.Inquiry, d.Reason, d.Status = true, "general", "warning_needs_response"
	}
	if ch.Card != nil {
		d.Network = network(ch.Card.Brand)
	}
	d.withdraw()
	ch.Money.Dispute = d.ID
	o.putDispute(d)
}

// disputeUpdateParams name each evidence field: Stripe's evidence has
// named fields, and each is kept and returned.
var disputeUpdateParams = func() []string {
	out := append([]string{"submit", "expand["}, metadataParams...)
	for _, f := range append(evidenceFields, evidenceFiles...) {
		out = append(out, "evidence["+f+"]")
	}
	return out
}()

// updateDispute is POST /v1/disputes/{id}: evidence, submitted at once
// unless submit=false, which puts the dispute under review; Stripe's test
// evidence decides it shortly after (disputedecide.go).
func updateDispute(c *call) (any, *model.Error) {
	d, ok := c.objs.dispute(c.id())
	if !ok {
		return nil, noSuch(http.StatusNotFound, "dispute", c.id(), "dispute")
	}
	if !d.open() {
		return nil, invalid("", "", "This dispute is already closed ("+d.Status+"); it cannot take more evidence.")
	}
	if d.deciding() {
		return nil, invalid("", "", msgDisputeDeciding)
	}
	md, aerr := readMetadata(c.params, d.Metadata)
	if aerr != nil {
		return nil, aerr
	}
	d.Metadata = md
	for key := range c.params.Values {
		field, isEvidence := strings.CutPrefix(key, "evidence[")
		if !isEvidence {
			continue
		}
		field = strings.TrimSuffix(field, "]")
		if d.Evidence == nil {
			d.Evidence = map[string]string{}
		}
		d.Evidence[field] = c.params.get(key)
	}
	if c.params.get("submit") != "false" {
		d.Submissions++
		d.submit(c.now)
	}
	c.objs.putDispute(d)
	return renderDispute(c.objs, d, c.now), nil
}

// open reports whether the dispute is still waiting for the merchant.
func (d *disputeRec) open() bool {
	switch d.Status {
	case "needs_response", "warning_needs_response", "under_review", "warning_under_review":
		return true
	}
	return false
}

// closeDispute is POST /v1/disputes/{id}/close: the merchant accepts the
// loss (an inquiry just closes).
func closeDispute(c *call) (any, *model.Error) {
	d, ok := c.objs.dispute(c.id())
	if !ok {
		return nil, noSuch(http.StatusNotFound, "dispute", c.id(), "dispute")
	}
	if !d.open() {
		return nil, invalid("", "", "This dispute is already closed ("+d.Status+").")
	}
	if d.deciding() {
		return nil, invalid("", "", msgDisputeDeciding)
	}
	d.Status = "lost"
	if d.Inquiry {
		d.Status = "warning_closed"
	}
	c.objs.putDispute(d)
	return renderDispute(c.objs, d, c.now), nil
}

// getDispute is GET /v1/disputes/{id}.
func getDispute(c *call) (any, *model.Error) {
	d, ok := c.objs.dispute(c.id())
	if !ok {
		return nil, noSuch(http.StatusNotFound, "dispute", c.id(), "dispute")
	}
	return renderDispute(c.objs, d, c.now), nil
}

var disputeListParams = append([]string{"charge", "payment_intent"}, append(createdParams, pageParams...)...)

// listDisputes is GET /v1/disputes, newest first, by charge,
// payment_intent and created.
func listDisputes(c *call) (any, *model.Error) {
	pg, cr, aerr := readListing(c.params)
	if aerr != nil {
		return nil, aerr
	}
	charge, pi := c.params.get("charge"), c.params.get("payment_intent")
	keep := func(d *disputeRec) bool {
		return cr.holds(d.Created) && (charge == "" || d.Charge == charge) && (pi == "" || d.PaymentIntent == pi)
	}
	render := func(d *disputeRec) any { return renderDispute(c.objs, d, c.now) }
	return collectionLister(c, disputesColl, "/v1/disputes", "dispute", keep, render).page(pg)
}

type disputeJSON struct {
	ID                      string                `json:"id"`
	Object                  string                `json:"object"`
	Amount                  int64                 `json:"amount"`
	BalanceTransactions     []any                 `json:"balance_transactions"`
	Charge                  string                `json:"charge"`
	Created                 int64                 `json:"created"`
	Currency                string                `json:"currency"`
	EnhancedEligibilityType []string              `json:"enhanced_eligibility_types"`
	Evidence                map[string]any        `json:"evidence"`
	EvidenceDetails         disputeEvidenceDetail `json:"evidence_details"`
	IsChargeRefundable      bool                  `json:"is_charge_refundable"`
	Livemode                bool                  `json:"livemode"`
	Metadata                metadata              `json:"metadata"`
	PaymentIntent           *string               `json:"payment_intent"`
	PaymentMethodDetails    *disputePMDetails     `json:"payment_method_details,omitempty"`
	Reason                  string                `json:"reason"`
	Status                  string                `json:"status"`
}

type disputeEvidenceDetail struct {
	DueBy               *int64   `json:"due_by"`
	EnhancedEligibility struct{} `json:"enhanced_eligibility"`
	HasEvidence         bool     `json:"has_evidence"`
	PastDue             bool     `json:"past_due"`
	SubmissionCount     int      `json:"submission_count"`
}

func renderDispute(o *objects, d *disputeRec, now time.Time) *disputeJSON {
	evidence := map[string]any{"enhanced_evidence": struct{}{}}
	for _, f := range append(evidenceFields, evidenceFiles...) {
		evidence[f] = nil
		if v, ok := d.Evidence[f]; ok {
			evidence[f] = v
		}
	}
	details := disputeEvidenceDetail{HasEvidence: len(d.Evidence) > 0, SubmissionCount: d.Submissions}
	if d.open() {
		due := time.Unix(d.Created, 0).AddDate(0, 0, disputeResponseDays).Unix()
		details.DueBy, details.PastDue = &due, now.Unix() > due
	}
	txs := []any{}
	for _, bt := range d.balanceTxs() {
		txs = append(txs, renderBalanceTx(bt, now))
	}
	return &disputeJSON{
		ID: d.ID, Object: "dispute", Amount: d.Amount, BalanceTransactions: txs, Charge: d.Charge,
		Created: d.Created, Currency: d.Currency, EnhancedEligibilityType: []string{}, Evidence: evidence,
		EvidenceDetails: details, IsChargeRefundable: d.chargeRefundable(o), Metadata: d.Metadata,
		PaymentIntent: opt(d.PaymentIntent), Reason: d.Reason, Status: d.Status,
		PaymentMethodDetails: d.paymentMethodDetails(),
	}
}
