package model

import (
	"slices"
	"strings"
	"testing"
)

// Each object offers only the moves its state allows.
func TestSubjectMoves(t *testing.T) {
	for _, c := range []struct {
		name string
		s    Subject
		want []Move
	}{
		{"pi waiting for 3DS", Subject{ID: "pi_1", F: Fields{"status": "requires_action"}}, []Move{MoveAuthenticate, MoveCancel}},
		{"pi authorized", Subject{ID: "pi_1", F: Fields{"status": "requires_capture", "amount_capturable": "2000"}}, []Move{MoveCapture, MoveCancel}},
		{"pi paid, charge unread", Subject{ID: "pi_1", F: Fields{"status": "succeeded", "amount_received": "2000"}}, []Move{MoveRefund}},
		{"pi paid, refunded in full", Subject{ID: "pi_1", F: Fields{"status": "succeeded", "amount_received": "2000"},
			Related: Fields{"id": "ch_1", "status": "succeeded", "amount_captured": "2000", "amount_refunded": "2000"}}, nil},
		{"pi paid, disputed", Subject{ID: "pi_1", F: Fields{"status": "succeeded", "amount_received": "2000"},
			Related: Fields{"id": "ch_1", "status": "succeeded", "amount_captured": "2000", "disputed": true}}, nil},
		{"pi canceled", Subject{ID: "pi_1", F: Fields{"status": "canceled"}}, nil},
		{"charge paid", Subject{ID: "ch_1", F: Fields{"status": "succeeded", "amount": "1500", "amount_captured": "1500", "amount_refunded": "500"}}, []Move{MoveRefund}},
		{"charge failed", Subject{ID: "ch_1", F: Fields{"status": "failed", "amount": "1500"}}, nil},
		// An inquiry takes no money: its charge can still be refunded,
		// as its dispute says (is_charge_refundable); a chargeback's not.
		{"charge with an open inquiry", Subject{ID: "ch_1", F: Fields{"status": "succeeded", "amount": "1500", "disputed": true},
			Related: Fields{"id": "du_1", "status": "warning_needs_response", "is_charge_refundable": true}}, []Move{MoveRefund}},
		// Closed, an inquiry still took no money: Stripe refunds its
		// charge whatever the dispute's is_charge_refundable says.
		{"charge after its inquiry closed", Subject{ID: "ch_1", F: Fields{"status": "succeeded", "amount": "1500", "disputed": true},
			Related: Fields{"id": "du_1", "status": "warning_closed", "is_charge_refundable": false}}, []Move{MoveRefund}},
		{"charge after its inquiry closed, refunded in full", Subject{ID: "ch_1", F: Fields{"status": "succeeded", "amount": "1500", "amount_refunded": "1500", "disputed": true},
			Related: Fields{"id": "du_1", "status": "warning_closed", "is_charge_refundable": false}}, nil},
		{"charge after a lost chargeback", Subject{ID: "ch_1", F: Fields{"status": "succeeded", "amount": "1500", "disputed": true},
			Related: Fields{"id": "du_1", "status": "lost", "is_charge_refundable": false}}, nil},
		{"charge charged back", Subject{ID: "ch_1", F: Fields{"status": "succeeded", "amount": "1500", "disputed": true},
			Related: Fields{"id": "du_1", "status": "needs_response", "is_charge_refundable": false}}, nil},
		{"disputed charge, dispute unread", Subject{ID: "ch_1", F: Fields{"status": "succeeded", "amount": "1500", "disputed": true}}, nil},
		{"bank debit pending", Subject{ID: "py_1", F: Fields{"status": "pending", "amount": "1500"}}, nil},
		{"dispute open", Subject{ID: "du_1", F: Fields{"status": "needs_response"}}, []Move{MoveAnswer}},
		{"dispute won", Subject{ID: "du_1", F: Fields{"status": "won"}}, nil},
		// Test evidence submitted is decided shortly: no second answer.
		{"dispute deciding", Subject{ID: "du_1", F: Fields{"status": "under_review", "evidence": map[string]any{"uncategorized_text": WinningEvidence}}}, nil},
		{"dispute under review", Subject{ID: "du_1", F: Fields{"status": "under_review", "evidence": map[string]any{"uncategorized_text": "see attached"}}}, []Move{MoveAnswer}},
		{"customer, new bank account", Subject{ID: "cus_1", F: Fields{"default_source": "ba_1"}, Related: Fields{"status": "new"}}, []Move{MoveVerify}},
		{"customer, verified bank account", Subject{ID: "cus_1", F: Fields{"default_source": "ba_1"}, Related: Fields{"status": "verified"}}, []Move{MoveCharge}},
		{"customer, bank account unread", Subject{ID: "cus_1", F: Fields{"default_source": "ba_1"}}, []Move{MoveVerify, MoveCharge}},
		{"customer, failed bank account", Subject{ID: "cus_1", F: Fields{"default_source": "ba_1"}, Related: Fields{"status": "verification_failed"}}, nil},
		{"customer with a card", Subject{ID: "cus_1", F: Fields{"default_source": "card_1"}}, []Move{MoveCharge}},
		{"customer with nothing", Subject{ID: "cus_1", F: Fields{}}, nil},
		{"bank account", Subject{ID: "ba_1", F: Fields{"status": "new", "customer": "cus_1"}}, []Move{MoveVerify}},
		{"not read", Subject{ID: "pi_1"}, nil},
	} {
		if got := c.s.Moves(); !slices.Equal(got, c.want) {
			t.Errorf("%s: %v, want %v", c.name, got, c.want)
		}
	}
}

// planText is a change as one line per attribute: "name = old -> value (note)".
func planText(cs []Change) string {
	var b strings.Builder
	for _, c := range cs {
		b.WriteString(c.Action + " " + c.Address + " " + c.Request + "\n")
		for _, a := range c.Attrs {
			v := a.Value
			if a.Old != "" {
				v = a.Old + " -> " + v
			}
			if a.Note != "" {
				v += " (" + a.Note + ")"
			}
			b.WriteString("  " + a.Name + " = " + v + "\n")
		}
	}
	return b.String()
}

// Each move's plan says what it sends and what it changes.
func TestPlanMove(t *testing.T) {
	pi := Subject{ID: "pi_1", F: Fields{"status": "requires_capture", "amount_capturable": "2000", "currency": "usd"}}
	ch := Subject{ID: "ch_1", F: Fields{"id": "ch_1", "status": "succeeded", "amount": "1500", "amount_captured": "1500", "amount_refunded": "500", "currency": "usd"}}
	for _, c := range []struct {
		name string
		m    Move
		s    Subject
		in   MoveInput
		want []string
	}{
		{"partial capture", MoveCapture, pi, MoveInput{Amount: 1500}, []string{
			"update payment_intent.pi_1 POST /v1/payment_intents/pi_1/capture",
			`status = "requires_capture" -> "succeeded"`,
			"amount_to_capture = 1500 (15.00 usd of 20.00 usd; the other 5.00 usd is released)"}},
		{"full capture", MoveCapture, pi, MoveInput{}, []string{"amount_to_capture = 2000 (all of it)"}},
		{"capture too much", MoveCapture, pi, MoveInput{Amount: 2500}, []string{
			"amount_to_capture = 2500 (more than the 20.00 usd authorized: expected amount_too_large)"}},
		{"cancel", MoveCancel, pi, MoveInput{}, []string{"POST /v1/payment_intents/pi_1/cancel",
			`status = "requires_capture" -> "canceled"`, "amount_capturable = 2000 -> 0 (the authorization of 20.00 usd is released)"}},
		{"partial refund", MoveRefund, ch, MoveInput{Amount: 400}, []string{"create refund.ch_1 POST /v1/refunds",
			`charge = "ch_1"`, "amount = 400 (4.00 usd of the 10.00 usd that remains)", "update charge.ch_1",
			"amount_refunded = 500 -> 900"}},
		{"refund too much", MoveRefund, ch, MoveInput{Amount: 1001}, []string{
			"amount = 1001 (more than the 10.00 usd that remains: expected amount_too_large)"}},
		{"full refund", MoveRefund, ch, MoveInput{}, []string{"amount = 1000 (10.00 usd, all that remains)",
			"amount_refunded = 500 -> 1500", "refunded = false -> true"}},
		{"winning evidence", MoveAnswer, Subject{ID: "du_1", F: Fields{"status": "needs_response"}}, MoveInput{Evidence: WinningEvidence},
			[]string{"POST /v1/disputes/du_1\n", `evidence.uncategorized_text = "winning_evidence"`,
				`status = "needs_response" -> "under_review" (test mode decides winning_evidence: won a few seconds later)`}},
		{"other evidence", MoveAnswer, Subject{ID: "du_1", F: Fields{"status": "warning_needs_response"}}, MoveInput{Evidence: "see attached"},
			[]string{`status = "warning_needs_response" -> "warning_under_review" (under review until the issuer decides`}},
		{"inquiry closed", MoveAnswer, Subject{ID: "du_1", F: Fields{"status": "warning_needs_response"}}, MoveInput{Close: true},
			[]string{"POST /v1/disputes/du_1/close", `status = "warning_needs_response" -> "warning_closed" (the loss is accepted)`}},
		{"verify", MoveVerify, Subject{ID: "cus_1", F: Fields{"default_source": "ba_1"}, Related: Fields{"status": "new"}}, MoveInput{Amounts: TestMicroDeposits},
			[]string{"POST /v1/customers/cus_1/sources/ba_1/verify", "amounts = [32, 45] (the test micro-deposits)", `status = "new" -> "verified"`}},
		{"verify, wrong amounts", MoveVerify, Subject{ID: "cus_1", F: Fields{"default_source": "ba_1"}}, MoveInput{Amounts: [2]int64{1, 2}},
			[]string{"amounts = [1, 2] (test mode verifies with 32 and 45 only)", "status = (known after apply) (expected: bank_account_verification_failed)"}},
		{"charge a bank account", MoveCharge, Subject{ID: "cus_1", F: Fields{"default_source": "ba_1"}}, MoveInput{Amount: 2500, Currency: "eur"},
			[]string{"create charge.cus_1 POST /v1/charges", "amount = 2500 (25.00 eur)", `currency = "eur"`, `source = "ba_1" (a verified bank account`}},
		{"charge a card that declines once saved", MoveCharge, Subject{ID: "cus_1", F: Fields{"default_source": "card_1"},
			Related: Fields{"object": "card", "brand": "Visa", "last4": "0341", "country": "US"}}, MoveInput{Amount: 1000, Currency: "usd"},
			[]string{`source = "card_1" (the customer's default source; test card customer_charge_fail, expected: declined, card_declined / generic_decline)`}},
	} {
		got := planText(PlanMove(c.m, c.s, c.in))
		for _, w := range c.want {
			if !strings.Contains(got, w) {
				t.Errorf("%s: no %q in\n%s", c.name, w, got)
			}
		}
	}
}

// A dispute answered in test mode ends as Stripe's test mode decides.
func TestDisputeAfter(t *testing.T) {
	for _, c := range []struct {
		status, evidence string
		close            bool
		want             string
	}{
		{"needs_response", WinningEvidence, false, "won"},
		{"needs_response", LosingEvidence, false, "lost"},
		{"needs_response", "see attached", false, "under_review"},
		{"under_review", "", true, "lost"},
		{"warning_needs_response", WinningEvidence, false, "warning_closed"},
		{"warning_needs_response", "text", false, "warning_under_review"},
	} {
		if got := DisputeAfter(c.status, c.evidence, c.close); got != c.want {
			t.Errorf("%s + %q close=%v: %s, want %s", c.status, c.evidence, c.close, got, c.want)
		}
	}
}
