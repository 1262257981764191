package scenario

import (
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
			Uses: []model.Use{{Kind: model.UsePaymentMethod, Status: "created"}}},
		{ID: "ct_3", Type: model.KindAccount, Summary: "account", Raw: []byte(`{"id":"ct_3","type":"account"}`)},
		{ID: "tok_2", Type: model.KindCard, Summary: "Visa •••• 5556", Raw: card("tok_2", "Visa", "5556"),
			Uses: []model.Use{{Kind: model.UseCustomer, Status: "attached"}}},
		{ID: "tok_1", Type: model.KindCard, Raw: card("tok_1", "Visa", "9995"), Preset: "insufficient_funds", Scenario: "declined",
			Uses: []model.Use{
				{Kind: model.UseCharge, Status: "failed", Code: "card_declined", DeclineCode: "insufficient_funds", Amount: 1000, Currency: "usd"},
				{Kind: model.UseCustomer, Status: "failed", Code: "token_already_used"}}},
	}
	src, written, left := Export(tokens, now)
	if written != 4 || left != 1 {
		t.Errorf("written %d, left %d", written, left)
	}
	f, diags := parse("export.hcl", src, now)
	if diags.HasErrors() {
		t.Fatalf("%s\n%s", diags, src)
	}
	if len(f.Tokens) != 4 || f.Tokens[0].Name != "declined" {
		t.Errorf("tokens %+v", f.Tokens)
	}
	for _, want := range []string{
		`preset = "visa_debit"`, "typed by hand", "ct_3 (account, account) is left out",
		"then customer: failed: token_already_used", "use \"payment_method\" {", "was used by refund (succeeded), which a scenario cannot run",
	} {
		if !strings.Contains(string(src), want) {
			t.Errorf("no %q in:\n%s", want, src)
		}
	}
}
