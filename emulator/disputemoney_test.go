package emulator

import (
	"encoding/json"
	"slices"
	"testing"

	"github.com/tokenscope/tokenscope/model"
)

// disputeShown is what these tests read of a dispute.
type disputeShown struct {
	ID                  string
	Status              string
	IsChargeRefundable  bool            `json:"is_charge_refundable"`
	BalanceTransactions []balanceTxJSON `json:"balance_transactions"`
}

// disputedCharge charges amount on a new token of a dispute test card and
// returns the charge and its dispute.
func disputedCharge(t *testing.T, e *Emulator, number string, amount string) (string, disputeShown) {
	t.Helper()
	var tok, ch struct{ ID string }
	decodeInto(t, post(t, e, "/v1/tokens", "card[number]="+number+"&card[exp_month]=12&card[exp_year]=2031&card[cvc]=123", nil).Body.Bytes(), &tok)
	decodeInto(t, post(t, e, "/v1/charges", "amount="+amount+"&currency=usd&source="+tok.ID, nil).Body.Bytes(), &ch)
	var list struct{ Data []disputeShown }
	decodeInto(t, do(t, e, "GET", "/v1/disputes?charge="+ch.ID, testKey, "", nil).Body.Bytes(), &list)
	if len(list.Data) != 1 {
		t.Fatalf("%s opened %d disputes", number, len(list.Data))
	}
	return ch.ID, list.Data[0]
}

func decodeInto(t *testing.T, raw []byte, v any) {
	t.Helper()
	if err := json.Unmarshal(raw, v); err != nil {
		t.Fatalf("%s: %v", raw, err)
	}
}

// disputeEvents are the charge.dispute.* events of dispute id, oldest
// first, with the status each holds.
func disputeEvents(t *testing.T, e *Emulator, id string) (typs, statuses []string) {
	t.Helper()
	evs := listed(t, e, "/v1/events?type=charge.dispute.*&limit=100")
	slices.Reverse(evs)
	for _, ev := range evs {
		var d disputeShown
		decodeInto(t, ev.Data.Object, &d)
		if d.ID == id {
			typs, statuses = append(typs, ev.Type), append(statuses, d.Status)
		}
	}
	return typs, statuses
}

func wantTx(t *testing.T, what string, bt balanceTxJSON, amount, fee int64, category, source string) {
	t.Helper()
	if bt.Type != "adjustment" || bt.Amount != amount || bt.Fee != fee || bt.Net != amount-fee ||
		bt.ReportingCategory != category || bt.Source != source || len(bt.FeeDetails) != 1 || bt.FeeDetails[0].Description != "Dispute fee" {
		t.Errorf("%s: %+v", what, bt)
	}
}

// A chargeback takes its amount and the dispute fee as it opens, and a
// won one gives both back, each with a balance transaction and its
// funds_ event; evidence puts it under review before it is decided
// (emu#10), disputeDecideDelay later.
func TestChargebackMovesMoney(t *testing.T) {
	e, advance := movingEmulator(t)
	_, du := disputedCharge(t, e, "4000000000000259", "2000")
	if len(du.BalanceTransactions) != 1 || du.IsChargeRefundable {
		t.Fatalf("opened: %+v", du)
	}
	wantTx(t, "withdrawal", du.BalanceTransactions[0], -2000, disputeFee, "dispute", du.ID)
	var listedTxs struct{ Data []balanceTxJSON }
	decodeInto(t, do(t, e, "GET", "/v1/balance_transactions?source="+du.ID, testKey, "", nil).Body.Bytes(), &listedTxs)
	if len(listedTxs.Data) != 1 || listedTxs.Data[0].ID != du.BalanceTransactions[0].ID {
		t.Errorf("balance transactions of %s: %+v", du.ID, listedTxs.Data)
	}
	if typs, _ := disputeEvents(t, e, du.ID); !slices.Equal(typs, []string{"charge.dispute.created", "charge.dispute.funds_withdrawn"}) {
		t.Errorf("opened: events %v", typs)
	}

	post(t, e, "/v1/disputes/"+du.ID, "evidence[uncategorized_text]="+model.WinningEvidence, nil)
	advance(disputeDecideDelay)
	var won disputeShown
	decodeInto(t, do(t, e, "GET", "/v1/disputes/"+du.ID, testKey, "", nil).Body.Bytes(), &won)
	if won.Status != "won" || len(won.BalanceTransactions) != 2 {
		t.Fatalf("won: %+v", won)
	}
	wantTx(t, "reinstatement", won.BalanceTransactions[1], 2000, -disputeFee, "dispute_reversal", du.ID)
	typs, statuses := disputeEvents(t, e, du.ID)
	if want := []string{"charge.dispute.created", "charge.dispute.funds_withdrawn", "charge.dispute.updated",
		"charge.dispute.closed", "charge.dispute.funds_reinstated"}; !slices.Equal(typs, want) {
		t.Errorf("won: events %v, want %v", typs, want)
	} else if statuses[2] != "under_review" || statuses[3] != "won" {
		t.Errorf("won: statuses %v", statuses)
	}

	// Lost: the money stays taken; under review first all the same.
	_, du = disputedCharge(t, e, "4000000000002685", "700")
	post(t, e, "/v1/disputes/"+du.ID, "evidence[uncategorized_text]="+model.LosingEvidence, nil)
	advance(disputeDecideDelay)
	var lost disputeShown
	decodeInto(t, do(t, e, "GET", "/v1/disputes/"+du.ID, testKey, "", nil).Body.Bytes(), &lost)
	if lost.Status != "lost" || len(lost.BalanceTransactions) != 1 {
		t.Fatalf("lost: %+v", lost)
	}
	typs, statuses = disputeEvents(t, e, du.ID)
	if want := []string{"charge.dispute.created", "charge.dispute.funds_withdrawn", "charge.dispute.updated",
		"charge.dispute.closed"}; !slices.Equal(typs, want) || statuses[2] != "under_review" {
		t.Errorf("lost: events %v %v, want %v", typs, statuses, want)
	}
}

// An inquiry moves no money and makes no funds_ event; its charge can be
// refunded (Stripe: "no funds have been withdrawn and the payment it
// relates to can still be refunded"), and a refund in full resolves it
// (cli#23, the testui asides).
func TestInquiryMovesNoMoney(t *testing.T) {
	e, advance := movingEmulator(t)
	_, du := disputedCharge(t, e, "4000000000001976", "1500")
	if du.Status != "warning_needs_response" || len(du.BalanceTransactions) != 0 || !du.IsChargeRefundable {
		t.Fatalf("opened: %+v", du)
	}
	post(t, e, "/v1/disputes/"+du.ID, "evidence[uncategorized_text]="+model.WinningEvidence, nil)
	advance(disputeDecideDelay)
	var closed disputeShown
	decodeInto(t, do(t, e, "GET", "/v1/disputes/"+du.ID, testKey, "", nil).Body.Bytes(), &closed)
	typs, statuses := disputeEvents(t, e, du.ID)
	if want := []string{"charge.dispute.created", "charge.dispute.updated", "charge.dispute.closed"}; !slices.Equal(typs, want) ||
		statuses[1] != "warning_under_review" || closed.Status != "warning_closed" || len(closed.BalanceTransactions) != 0 {
		t.Errorf("answered: %+v, events %v %v, want %v", closed, typs, statuses, want)
	}
	// Closed, the inquiry still took nothing: its charge can be refunded.
	if !closed.IsChargeRefundable {
		t.Errorf("answered: is_charge_refundable false, though the inquiry took no money: %+v", closed)
	}
	ch, du := disputedCharge(t, e, "4000000000001976", "1500")
	decodeInto(t, post(t, e, "/v1/disputes/"+du.ID+"/close", "", nil).Body.Bytes(), &closed)
	if closed.Status != "warning_closed" || !closed.IsChargeRefundable {
		t.Errorf("closed by the merchant: %+v", closed)
	}
	if rec := post(t, e, "/v1/refunds", "charge="+ch+"&amount=500", nil); rec.Code != 200 {
		t.Errorf("refund after the inquiry closed: %d %s", rec.Code, rec.Body)
	}

	ch, du = disputedCharge(t, e, "4000000000001976", "1500")
	post(t, e, "/v1/refunds", "charge="+ch+"&amount=500", nil)
	var got disputeShown
	decodeInto(t, do(t, e, "GET", "/v1/disputes/"+du.ID, testKey, "", nil).Body.Bytes(), &got)
	if got.Status != "warning_needs_response" {
		t.Errorf("after a partial refund: %+v", got)
	}
	if rec := post(t, e, "/v1/refunds", "charge="+ch, nil); rec.Code != 200 {
		t.Fatalf("refund of the rest: %d %s", rec.Code, rec.Body)
	}
	decodeInto(t, do(t, e, "GET", "/v1/disputes/"+du.ID, testKey, "", nil).Body.Bytes(), &got)
	typs, _ = disputeEvents(t, e, du.ID)
	if got.Status != "warning_closed" || got.IsChargeRefundable || !slices.Equal(typs, []string{"charge.dispute.created", "charge.dispute.closed"}) {
		t.Errorf("refunded in full: %+v, events %v", got, typs)
	}
}
