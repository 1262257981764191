package scenario

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/tokenscope/tokenscope/model"
)

// An export always parses: a token typed by hand is written by the preset
// that stands in for it, one nothing stands in for is a comment, and a
// use a scenario cannot run is a comment on its token.
func TestExportParses(t *testing.T) {
	now := time.Date(2026, 12, 5, 10, 0, 0, 0, time.UTC)
	card := func(id, brand, last4 string) []byte {
		return []byte(`{"id":"` + id + `","type":"card","card":{"brand":"` + brand + `","last4":"` + last4 + `"}}`)
	}
	tokens := []model.Record{ // newest first, as the state keeps them
		// refund stands for a use no scenario step runs (the parser
		// decides); payment_method is one since pay's use steps.
		{ID: "tok_5", Type: model.KindCard, Raw: card("tok_5", "Visa", "4242"), Preset: "visa",
			Uses: []model.Use{{Kind: "refund", Status: "succeeded"}}},
		{ID: "tok_4", Type: model.KindCard, Raw: card("tok_4", "Visa", "4242"), Preset: "visa",
			Uses: []model.Use{{Kind: model.UsePaymentIntent, Status: "requires_capture", Amount: 1000, Currency: "usd", CaptureMethod: "manual"}}},
		{ID: "pii_5", Type: model.KindPII, Raw: []byte(`{"id":"pii_5","type":"pii"}`), Preset: "id_match",
			Uses: []model.Use{{Kind: model.UseIDNumber, Status: "id_number_provided"}}},
		{ID: "tok_6", Type: model.KindCard, Raw: card("tok_6", "Visa", "4242"), Preset: "visa",
			Uses: []model.Use{{Kind: model.UsePaymentMethod, Status: "created"}}},
		{ID: "ct_3", Type: model.KindAccount, Summary: "account", Raw: []byte(`{"id":"ct_3","type":"account"}`)},
		{ID: "tok_2", Type: model.KindCard, Summary: "Visa •••• 5556", Raw: card("tok_2", "Visa", "5556"),
			Uses: []model.Use{{Kind: model.UseCustomer, Status: "attached"}}},
		{ID: "tok_1", Type: model.KindCard, Raw: card("tok_1", "Visa", "9995"), Preset: "insufficient_funds", Scenario: "pack:declines/declined",
			Uses: []model.Use{
				{Kind: model.UseCharge, Status: "failed", Code: "card_declined", DeclineCode: "insufficient_funds", Amount: 1000, Currency: "usd"},
				{Kind: model.UseCustomer, Status: "failed", Code: "token_already_used"}}},
	}
	src, written, left := Export(tokens, nil, now)
	if written != 6 || left != 1 {
		t.Errorf("written %d, left %d", written, left)
	}
	f, diags := parse("export.hcl", src, now)
	if diags.HasErrors() {
		t.Fatalf("%s\n%s", diags, src)
	}
	if len(f.Tokens) != 6 || f.Tokens[0].Name != "declined" {
		t.Errorf("tokens %+v", f.Tokens)
	}
	for _, want := range []string{
		`preset = "visa_debit"`, "typed by hand", "ct_3 (account, account) is left out",
		"then customer: failed: token_already_used", `capture_method = "manual"`,
		"was used by id_number (id_number_provided), which a scenario cannot run", "--id-number-for acct_",
		"use \"payment_method\" {", "was used by refund (succeeded), which a scenario cannot run",
	} {
		if !strings.Contains(string(src), want) {
			t.Errorf("no %q in:\n%s", want, src)
		}
	}
}

// Every use a kind takes is a step the scenario registry knows, and an
// id_number use is refused for what it lacks (an account), not for an
// amount.
func TestUseStepsCoverEveryKindsUses(t *testing.T) {
	for _, s := range model.Kinds() {
		for _, u := range s.Uses {
			if _, ok := useSteps[u]; !ok {
				t.Errorf("%s's use %s has no scenario step", s.Kind, u)
			}
		}
	}
	now := time.Date(2026, 12, 5, 10, 0, 0, 0, time.UTC)
	_, diags := parse("pii.hcl", []byte("token \"p\" {\n  pii { preset = \"id_match\" }\n  use \"id_number\" {}\n}\n"), now)
	if !diags.HasErrors() || !strings.Contains(diags.Error(), "--id-number-for") || strings.Contains(diags.Error(), "amount") {
		t.Errorf("id_number use: %v", diags)
	}
}

// The steps a token's record keeps are written after its use, with their
// arguments, and read back as the same steps: an exported 3D Secure,
// refund, dispute or bank story applies as it happened.
func TestExportWritesSteps(t *testing.T) {
	now := time.Date(2026, 12, 5, 10, 0, 0, 0, time.UTC)
	card := func(id, last4 string) []byte {
		return []byte(`{"id":"` + id + `","type":"card","card":{"brand":"Visa","last4":"` + last4 + `"}}`)
	}
	pi := model.Use{Kind: model.UsePaymentIntent, Status: model.PISucceeded, Amount: 2000, Currency: "usd"}
	tokens := []model.Record{
		{ID: "btok_1", Type: model.KindBank, Raw: []byte(`{"id":"btok_1","type":"bank_account","bank_account":{"last4":"6789"}}`), Preset: "bank_ok",
			Uses:  []model.Use{{Kind: model.UseCustomer, Status: "attached", ObjectID: "cus_1"}},
			Steps: []model.Use{{Kind: model.StepVerify, Status: "verified"}}},
		{ID: "tok_3", Type: model.KindCard, Raw: card("tok_3", "0259"), Preset: "dispute_fraudulent",
			Uses:  []model.Use{{Kind: model.UseCharge, Status: "succeeded", Amount: 2000, Currency: "usd", ObjectID: "ch_3"}},
			Steps: []model.Use{{Kind: model.StepDispute, Status: "lost"}}},
		{ID: "tok_2", Type: model.KindCard, Raw: card("tok_2", "4242"), Preset: "visa",
			Uses: []model.Use{{Kind: model.UseCharge, Status: "succeeded", Amount: 2000, Currency: "usd", ObjectID: "ch_2"}},
			Steps: []model.Use{{Kind: model.StepRefund, Status: "succeeded", Amount: 500, Currency: "usd"},
				{Kind: model.StepRefund, Status: "succeeded"}}},
		{ID: "tok_1", Type: model.KindCard, Raw: card("tok_1", "3184"), Preset: "threeds_always",
			Uses: []model.Use{pi},
			Steps: []model.Use{{Kind: model.StepAuthenticate, Status: model.PIRequiresPaymentMethod, Fail: true},
				{Kind: model.StepDispute, Status: "won", Evidence: model.WinningEvidence}}},
	}
	src, written, _ := Export(tokens, nil, now)
	if written != 4 {
		t.Fatalf("written %d:\n%s", written, src)
	}
	f, diags := parse("export.hcl", src, now)
	if diags.HasErrors() {
		t.Fatalf("%s\n%s", diags, src)
	}
	// The 3D Secure card opens no dispute: its authenticate step is
	// written, the dispute step that cannot run is a comment.
	if got := f.Tokens[0].Steps; len(got) != 1 || !got[0].Fail || !strings.Contains(string(src), "then dispute: won, which a scenario cannot run here") {
		t.Errorf("threeds_always steps %+v:\n%s", got, src)
	}
	want := [][]model.StepRequest{
		nil,
		{{Kind: model.StepRefund, Amount: 500, Amounts: model.TestDeposits}, {Kind: model.StepRefund, Amounts: model.TestDeposits}},
		{{Kind: model.StepDispute, Amounts: model.TestDeposits}},
		{{Kind: model.StepVerify, Amounts: model.TestDeposits}},
	}
	for i, tok := range f.Tokens[1:] {
		if fmt.Sprint(tok.Steps) != fmt.Sprint(want[i+1]) {
			t.Errorf("%s steps %+v, want %+v", tok.Name, tok.Steps, want[i+1])
		}
	}
	for _, w := range []string{"refund {\n    amount = 500\n  }", "close = true", "verify {", "fail = true", "# was: succeeded"} {
		if !strings.Contains(string(src), w) {
			t.Errorf("no %q in:\n%s", w, src)
		}
	}
}
