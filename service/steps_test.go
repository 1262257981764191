package service

import (
	"bytes"
	"context"
	"strings"
	"testing"

	"github.com/tokenscope/tokenscope/model"
	"github.com/tokenscope/tokenscope/scenario"
	"github.com/tokenscope/tokenscope/views"
)

const storySteps = `
token "threeds_ok" {
  card { preset = "threeds_always" }
  use "payment_intent" { amount = 2000 }
  authenticate {}
  refund { amount = 500 }
}
token "threeds_fail" {
  card { preset = "threeds_required" }
  use "payment_intent" { amount = 2000 }
  authenticate { fail = true }
}
token "refunded" {
  card { preset = "visa" }
  use "charge" { amount = 2000 }
  refund { amount = 500 }
  refund {}
}
token "captured" {
  card { preset = "visa" }
  use "payment_intent" {
    amount         = 2000
    capture_method = "manual"
  }
  capture { amount = 1500 }
}
token "canceled" {
  card { preset = "visa" }
  use "payment_intent" {
    amount         = 2000
    capture_method = "manual"
  }
  cancel {}
}
token "disputed" {
  card { preset = "dispute_fraudulent" }
  use "charge" { amount = 2000 }
  dispute { evidence = "winning_evidence" }
}
token "bank" {
  bank_account { preset = "bank_ok" }
  use "customer" {}
  verify {}
}
`

// objectField reads a field of an object as the API has it now.
func objectField(t *testing.T, s *Session, id, path string) string {
	t.Helper()
	o, err := s.Object(context.Background(), id)
	if err != nil {
		t.Fatalf("get %s: %v", id, err)
	}
	return o.Fields().Get(path)
}

// A whole story in one file: each step runs on what its token's use made,
// in order, and the objects end as Stripe's test mode leaves them; the
// token's record keeps the steps, so the next plan has nothing to do.
func TestApplyStepsStory(t *testing.T) {
	s := offlineSession(t)
	f := parseScenario(t, storySteps)
	p := planFor(t, s, f, scenario.PlanOptions{})
	var text bytes.Buffer
	_ = views.WritePlan(&text, p.Plan)
	for _, want := range []string{
		"# authenticate.threeds_ok will be created", `+ action         = "complete"`, `+ action         = "fail"`,
		"# refund.refunded[0] will be created", "# refund.refunded[1] will be created", "(all that remains)",
		"# capture.captured will be created", "+ amount_to_capture = 1500", "# cancel.canceled will be created",
		`+ evidence.uncategorized_text = "winning_evidence"`, "# verify.bank will be created", "+ amounts      = [32, 45]",
		"Plan: 27 to add, 0 to change, 0 to destroy.",
	} {
		if !strings.Contains(text.String(), want) {
			t.Errorf("plan lacks %q:\n%s", want, text.String())
		}
	}
	var events []model.ApplyEvent
	r := s.Apply(context.Background(), p, func(e model.ApplyEvent) { events = append(events, e) })
	for _, row := range r.Failed() {
		t.Errorf("%s failed: %v", row.Name, row.Err)
	}
	if last := events[len(events)-1]; last.Done != last.Total || last.Total != len(p.Changes) {
		t.Errorf("last event %d/%d, want %d", last.Done, last.Total, len(p.Changes))
	}
	row := map[string]model.ApplyRow{}
	for _, r := range r.Rows {
		row[r.Name] = r
	}
	ws := workspace(t, s)
	steps := func(name string) []model.Use {
		rec, _ := ws.Find(row[name].TokenID)
		return rec.Steps
	}
	pi := row["threeds_ok"].ObjectID
	if st := objectField(t, s, pi, "status"); st != model.PISucceeded {
		t.Errorf("threeds_ok: PaymentIntent %s, want succeeded", st)
	}
	if ch := objectField(t, s, pi, "latest_charge"); objectField(t, s, ch, "amount_refunded") != "500" {
		t.Errorf("threeds_ok: its charge refunded %s, want 500", objectField(t, s, ch, "amount_refunded"))
	}
	if st := objectField(t, s, row["threeds_fail"].ObjectID, "status"); st != model.PIRequiresPaymentMethod {
		t.Errorf("threeds_fail: PaymentIntent %s, want requires_payment_method", st)
	}
	if got := steps("threeds_fail"); len(got) != 1 || !got[0].Fail || got[0].Status != model.PIRequiresPaymentMethod {
		t.Errorf("threeds_fail: steps %+v", got)
	}
	ch := row["refunded"].ObjectID
	if objectField(t, s, ch, "refunded") != "true" || objectField(t, s, ch, "amount_refunded") != "2000" {
		t.Errorf("refunded: charge refunded=%s amount_refunded=%s, want true 2000",
			objectField(t, s, ch, "refunded"), objectField(t, s, ch, "amount_refunded"))
	}
	if got := steps("refunded"); len(got) != 2 || got[0].Amount != 500 || got[1].Amount != 0 || !strings.HasPrefix(got[1].ObjectID, "re_") {
		t.Errorf("refunded: steps %+v", got)
	}
	if st, n := objectField(t, s, row["captured"].ObjectID, "status"), objectField(t, s, row["captured"].ObjectID, "amount_received"); st != model.PISucceeded || n != "1500" {
		t.Errorf("captured: %s, %s received", st, n)
	}
	if st := objectField(t, s, row["canceled"].ObjectID, "status"); st != model.PICanceled {
		t.Errorf("canceled: %s", st)
	}
	if got := steps("disputed"); len(got) != 1 || !strings.HasPrefix(got[0].ObjectID, "du_") || got[0].Status == "needs_response" {
		t.Errorf("disputed: steps %+v", got)
	}
	if got := steps("bank"); len(got) != 1 || got[0].Status != "verified" || !strings.HasPrefix(got[0].ObjectID, "ba_") {
		t.Errorf("bank: steps %+v", got)
	}
	if again := planFor(t, s, f, scenario.PlanOptions{}); len(again.Changes) != 0 {
		t.Errorf("second plan has %d changes", len(again.Changes))
	}
}

// A refund of more than remains fails its step with Stripe's code and
// the field at fault; what ran before it stays, and the next plan runs
// only the failed step.
func TestRefundMoreThanRemainsFailsTheStep(t *testing.T) {
	s := offlineSession(t)
	f := parseScenario(t, `
token "over" {
  card { preset = "visa" }
  use "charge" { amount = 1000 }
  refund { amount = 600 }
  refund { amount = 600 }
}
`)
	r := s.Apply(context.Background(), planFor(t, s, f, scenario.PlanOptions{}), nil)
	row := r.Rows[0]
	e, ok := model.AsError(row.Err)
	if !ok || e.Code != "amount_too_large" || e.Param != "amount" {
		t.Fatalf("row error %v (%+v), want amount_too_large on amount", row.Err, e)
	}
	if n := objectField(t, s, row.ObjectID, "amount_refunded"); n != "600" {
		t.Errorf("amount_refunded %s, want 600", n)
	}
	p := planFor(t, s, f, scenario.PlanOptions{})
	if len(p.Changes) != 1 || p.Changes[0].Address != "refund.over[1]" {
		t.Errorf("next plan: %+v", p.Changes)
	}
}

// An apply killed after the API refunded and before the state recorded
// it plans the refund again; sent again with the key derived for it, the
// API answers with the first refund: the charge is refunded once.
func TestStepSentAgainRefundsOnce(t *testing.T) {
	s := offlineSession(t)
	f := parseScenario(t, `
token "once" {
  card { preset = "visa" }
  use "charge" { amount = 1000 }
  refund { amount = 400 }
}
`)
	r := s.Apply(context.Background(), planFor(t, s, f, scenario.PlanOptions{}), nil)
	if len(r.Failed()) > 0 {
		t.Fatal(r.Failed()[0].Err)
	}
	id, ch := r.Rows[0].TokenID, r.Rows[0].ObjectID
	var first string
	err := s.hold(context.Background(), "lose the step", func(h *held) error { // the answer the killed apply never recorded
		w := h.workspace()
		rec, _ := w.Find(id)
		first, rec.Steps = rec.Steps[0].ObjectID, nil
		w.Upsert(rec)
		return h.l.Save()
	})
	if err != nil {
		t.Fatal(err)
	}
	p := planFor(t, s, f, scenario.PlanOptions{})
	if len(p.Changes) != 1 || p.Changes[0].Address != "refund.once" {
		t.Fatalf("plan after the lost record: %+v", p.Changes)
	}
	r = s.Apply(context.Background(), p, nil)
	if len(r.Failed()) > 0 {
		t.Fatal(r.Failed()[0].Err)
	}
	rec, _ := workspace(t, s).Find(id)
	if len(rec.Steps) != 1 || rec.Steps[0].ObjectID != first {
		t.Errorf("steps %+v, want the first refund %s", rec.Steps, first)
	}
	if n := objectField(t, s, ch, "amount_refunded"); n != "400" {
		t.Errorf("amount_refunded %s, want 400 (refunded once)", n)
	}
}

// A step run by hand is recorded on the token whose use made its object,
// so an export can write it.
func TestHandRefundIsRecorded(t *testing.T) {
	s := offlineSession(t)
	ctx := context.Background()
	rec, err := s.Create(ctx, parseScenario(t, `token "v" {
  card { preset = "visa" }
}`).Tokens[0].Request, "")
	if err != nil {
		t.Fatal(err)
	}
	use, _, err := s.Use(ctx, model.UseRequest{TokenID: rec.ID, Kind: model.UseCharge, Amount: 1000, Currency: "usd"})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.Refund(ctx, model.RefundRequest{Of: use.ObjectID, Amount: 300}); err != nil {
		t.Fatal(err)
	}
	got, _ := workspace(t, s).Find(rec.ID)
	if len(got.Steps) != 1 || got.Steps[0].Kind != model.StepRefund || got.Steps[0].Amount != 300 {
		t.Errorf("steps %+v", got.Steps)
	}
}

// The packs whose stories now go on after the use apply whole, and a
// second plan has nothing to do.
func TestStepPacksApply(t *testing.T) {
	for _, pack := range []string{"pack:3ds", "pack:refunds", "pack:disputes", "pack:banks"} {
		t.Run(pack, func(t *testing.T) {
			s := offlineSession(t)
			f, diags := scenario.Load(pack)
			if diags.HasErrors() {
				t.Fatal(diags.Error())
			}
			r := s.Apply(context.Background(), planFor(t, s, f, scenario.PlanOptions{}), nil)
			for _, row := range r.Failed() {
				t.Errorf("%s failed: %v", row.Name, row.Err)
			}
			if again := planFor(t, s, f, scenario.PlanOptions{}); len(again.Changes) != 0 {
				t.Errorf("second plan: %+v", again.Changes)
			}
		})
	}
}

// A PaymentIntent step the API refuses fails its step with the API's
// code, and the steps after it do not run.
func TestRefusedCaptureFailsTheStep(t *testing.T) {
	s := offlineSession(t)
	f := parseScenario(t, `
token "over" {
  card { preset = "visa" }
  use "payment_intent" {
    amount         = 1000
    capture_method = "manual"
  }
  capture { amount = 5000 }
  refund {}
}
`)
	r := s.Apply(context.Background(), planFor(t, s, f, scenario.PlanOptions{}), nil)
	row := r.Rows[0]
	e, ok := model.AsError(row.Err)
	if !ok || e.Code == "" || e.Local {
		t.Fatalf("row error %v, want the API's refusal", row.Err)
	}
	if st := objectField(t, s, row.ObjectID, "status"); st != model.PIRequiresCapture {
		t.Errorf("PaymentIntent %s, want still requires_capture", st)
	}
	if rec, _ := workspace(t, s).Find(row.TokenID); len(rec.Steps) != 0 {
		t.Errorf("steps recorded: %+v", rec.Steps)
	}
}

// A step added to a block already applied runs on what the token's use
// made, named by its id in the plan; the token is not made again.
func TestAddedStepRunsOnTheAppliedToken(t *testing.T) {
	s := offlineSession(t)
	before := parseScenario(t, "token \"v\" {\n  card { preset = \"visa\" }\n  use \"charge\" { amount = 1000 }\n}\n")
	r := s.Apply(context.Background(), planFor(t, s, before, scenario.PlanOptions{}), nil)
	id, ch := r.Rows[0].TokenID, r.Rows[0].ObjectID
	after := parseScenario(t, "token \"v\" {\n  card { preset = \"visa\" }\n  use \"charge\" { amount = 1000 }\n  refund { amount = 250 }\n}\n")
	p := planFor(t, s, after, scenario.PlanOptions{})
	var text bytes.Buffer
	_ = views.WritePlan(&text, p.Plan)
	if len(p.Changes) != 1 || !strings.Contains(text.String(), `+ charge = "`+ch+`"`) || !strings.Contains(text.String(), "Plan: 1 to add") {
		t.Fatalf("plan:\n%s", text.String())
	}
	r = s.Apply(context.Background(), p, nil)
	if len(r.Failed()) > 0 || r.Rows[0].TokenID != id || r.Rows[0].Status != "refund: succeeded" {
		t.Fatalf("rows %+v", r.Rows)
	}
	if n := objectField(t, s, ch, "amount_refunded"); n != "250" {
		t.Errorf("amount_refunded %s", n)
	}
	if again := planFor(t, s, after, scenario.PlanOptions{}); len(again.Changes) != 0 {
		t.Errorf("third plan: %+v", again.Changes)
	}
}

// A use's expect_events are checked once its steps ran: a file can
// expect the events its refunds and answers lead to.
func TestExpectEventsSeeTheSteps(t *testing.T) {
	s := offlineSession(t)
	f := parseScenario(t, `
token "v" {
  card { preset = "visa" }
  use "charge" {
    amount        = 1000
    expect_events = ["charge.succeeded", "charge.refunded", "refund.created"]
  }
  refund {}
}
`)
	r := s.Apply(context.Background(), planFor(t, s, f, scenario.PlanOptions{}), nil)
	if err := r.Rows[0].Err; err != nil {
		t.Errorf("expect_events after a refund step: %v", err)
	}
}

// An id_number use gives its id number to the account an earlier block
// made: in the same apply, or an earlier one, whose account the plan names.
func TestIDNumberGoesToTheReferencedAccount(t *testing.T) {
	s := offlineSession(t)
	account := "token \"individual\" {\n  account { business_type = \"individual\" }\n  use \"account\" {}\n}\n"
	r := s.Apply(context.Background(), planFor(t, s, parseScenario(t, account), scenario.PlanOptions{}), nil)
	acct := r.Rows[0].ObjectID
	f := parseScenario(t, account+"token \"ssn\" {\n  pii { preset = \"id_match\" }\n  use \"id_number\" { account = token.individual }\n}\n")
	p := planFor(t, s, f, scenario.PlanOptions{})
	var text bytes.Buffer
	_ = views.WritePlan(&text, p.Plan)
	if !strings.Contains(text.String(), `+ account                       = "`+acct+`"`) || !strings.Contains(text.String(), "POST /v1/accounts/"+acct) {
		t.Fatalf("plan:\n%s", text.String())
	}
	r = s.Apply(context.Background(), p, nil)
	if len(r.Failed()) > 0 || r.Rows[0].ObjectID != acct || r.Rows[0].Status != "id_number_provided" {
		t.Fatalf("rows %+v", r.Rows)
	}
	if got := objectField(t, s, acct, "individual.id_number_provided"); got != "true" {
		t.Errorf("id_number_provided %s", got)
	}
}
