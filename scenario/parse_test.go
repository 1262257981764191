package scenario

import (
	"bytes"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/hashicorp/hcl/v2"

	"github.com/tokenscope/tokenscope/model"
)

var testNow = time.Date(2026, 11, 26, 12, 0, 0, 0, time.UTC)

func mustParse(t *testing.T, src string) *File {
	t.Helper()
	f, diags := parse("scenario.hcl", []byte(src), testNow)
	if diags.HasErrors() {
		var buf bytes.Buffer
		f.WriteDiagnostics(&buf, diags, 0)
		t.Fatalf("unexpected diagnostics:\n%s", buf.String())
	}
	return f
}

func TestParseEveryKind(t *testing.T) {
	f := mustParse(t, `
token "declined_insufficient" {
  card {
    preset = "insufficient_funds"
    name   = "Jenny Rosen"
  }
  use "charge" {
    amount   = 1000
    currency = "eur"
  }
}
token "explicit_card" {
  card {
    number    = "4000 0000 0000 0002"
    exp_month = 12
    exp_year  = 2031
    cvc       = "123"
    zip       = "94107"
  }
  use "customer" {}
}
token "bank_ok" {
  bank_account {
    routing_number = "110000000"
    account_number = "000123456789"
  }
  use "customer" {}
}
token "pii_preset" {
  pii { preset = "id_match" }
}
token "pii_number" {
  pii { id_number = "111111111" }
}
token "acct" {
  account {
    business_type = "individual"
    first_name    = "Jenny"
    last_name     = "Rosen"
  }
}
`)
	if got := len(f.Tokens); got != 6 {
		t.Fatalf("tokens = %d, want 6", got)
	}
	want := []struct {
		name   string
		kind   model.Kind
		preset string
		use    model.UseKind
	}{
		{"declined_insufficient", model.KindCard, "insufficient_funds", model.UseCharge},
		{"explicit_card", model.KindCard, "generic_decline", model.UseCustomer},
		{"bank_ok", model.KindBank, "bank_ok", model.UseCustomer},
		{"pii_preset", model.KindPII, "id_match", ""},
		{"pii_number", model.KindPII, "id_mismatch", ""}, // its test data names the preset, as a card number does
		{"acct", model.KindAccount, "", ""},
	}
	for i, w := range want {
		tok := f.Tokens[i]
		if tok.Name != w.name || tok.Request.Kind != w.kind || tok.Request.Preset != w.preset {
			t.Errorf("token %d = %s %s preset %q, want %s %s preset %q", i, tok.Name, tok.Request.Kind, tok.Request.Preset, w.name, w.kind, w.preset)
		}
		var use model.UseKind
		if tok.Use != nil {
			use = tok.Use.Kind
		}
		if use != w.use {
			t.Errorf("token %s use = %q, want %q", w.name, use, w.use)
		}
	}
	c := f.Tokens[0]
	if c.Request.Card.Name != "Jenny Rosen" || c.Request.Card.Number != "4000000000009995" || c.Use.Amount != 1000 || c.Use.Currency != "eur" {
		t.Errorf("preset card with overrides decoded as %+v use %+v", *c.Request.Card, *c.Use)
	}
	if e := f.Tokens[1].Request.Card; e.ExpMonth != 12 || e.ExpYear != 2031 || e.Zip != "94107" {
		t.Errorf("explicit card decoded as %+v", *e)
	}
	if b := f.Tokens[2].Request.Bank; b.Country != "US" || b.Currency != "usd" {
		t.Errorf("bank defaults = %s/%s, want US/usd", b.Country, b.Currency)
	}
	if got := f.Tokens[4].Request.PII.IDNumber; got != "111111111" {
		t.Errorf("id number = %q", got)
	}
	if a := f.Tokens[5].Request.Account; a.BusinessType != "individual" || a.LastName != "Rosen" {
		t.Errorf("account = %+v", *a)
	}
}

// diagAt parses src and returns its only error diagnostic and the text the
// CLI would print for it.
func diagAt(t *testing.T, src string) (*hcl.Diagnostic, string) {
	t.Helper()
	f, diags := parse("scenario.hcl", []byte(src), testNow)
	if !diags.HasErrors() {
		t.Fatalf("no diagnostics for:\n%s", src)
	}
	if len(f.Tokens) != 0 {
		t.Errorf("a file with errors kept %d tokens", len(f.Tokens))
	}
	var buf bytes.Buffer
	if err := f.WriteDiagnostics(&buf, diags, 0); err != nil {
		t.Fatal(err)
	}
	return diags.Errs()[0].(*hcl.Diagnostic), buf.String()
}

func TestTypoPointsAtLineAndColumn(t *testing.T) {
	d, text := diagAt(t, `token "declined_insufficient" {
  card {
    prest = "insufficient_funds"
  }
}
`)
	if d.Summary != "Unsupported argument" || !strings.Contains(d.Detail, `Did you mean "preset"?`) {
		t.Errorf("diagnostic = %q / %q", d.Summary, d.Detail)
	}
	if d.Subject.Start.Line != 3 || d.Subject.Start.Column != 5 || d.Subject.End.Column != 10 {
		t.Errorf("subject = %s, want line 3 columns 5-10", d.Subject)
	}
	if !strings.Contains(text, "Error: scenario.hcl:3,5-10: Unsupported argument") {
		t.Errorf("rendered diagnostic lacks the location:\n%s", text)
	}
	if !strings.Contains(text, `prest = "insufficient_funds"`) {
		t.Errorf("rendered diagnostic lacks the snippet:\n%s", text)
	}
}

func TestValidationErrorNamesCodeAndAttribute(t *testing.T) {
	d, text := diagAt(t, `token "bad" {
  card {
    number    = "4242424242424241"
    exp_month = 12
    exp_year  = 2031
    cvc       = "987"
  }
}
`)
	if !strings.Contains(d.Summary, "incorrect_number") || d.Subject.Start.Line != 3 {
		t.Errorf("diagnostic = %q at %s, want incorrect_number on line 3", d.Summary, d.Subject)
	}
	if strings.Contains(text, "4242424242424241") || strings.Contains(text, "987") {
		t.Errorf("diagnostic text shows a card number or CVC:\n%s", text)
	}
	if !strings.Contains(text, "4241") {
		t.Errorf("diagnostic text lost the last four digits:\n%s", text)
	}
}

func TestDiagnostics(t *testing.T) {
	for _, tc := range []struct {
		name, src, summary string
		line               int
	}{
		{"duplicate", "token \"a\" {\n  pii { preset = \"id_match\" }\n}\ntoken \"a\" {\n  pii { preset = \"id_match\" }\n}\n", "Duplicate token name", 4},
		{"no kind", "token \"a\" {\n}\n", "Exactly one token kind required", 1},
		{"two kinds", "token \"a\" {\n  pii { preset = \"id_match\" }\n  account { business_type = \"company\" }\n}\n", "Exactly one token kind required", 1},
		{"unknown preset", "token \"a\" {\n  card {\n    preset = \"visaa\"\n  }\n}\n", "Invalid preset: unknown_preset", 3},
		{"preset of another kind", "token \"a\" {\n  card {\n    preset = \"bank_ok\"\n  }\n}\n", "Invalid preset", 3},
		{"preset and number", "token \"a\" {\n  card {\n    preset = \"visa\"\n    number = \"4242424242424242\"\n  }\n}\n", "Conflicting arguments", 4},
		{"real card", "token \"a\" {\n  card {\n    number = \"4111111111111111\"\n    exp_month = 1\n    exp_year = 2030\n    cvc = \"123\"\n  }\n}\n", "Invalid card: test_mode_live_card", 3},
		{"bad routing", "token \"a\" {\n  bank_account {\n    routing_number = \"123\"\n    account_number = \"000123456789\"\n  }\n}\n", "Invalid bank_account: routing_number_invalid", 3},
		{"bad business type", "token \"a\" {\n  account {\n    business_type = \"llc\"\n  }\n}\n", "Invalid account", 3},
		{"unknown use", "token \"a\" {\n  card { preset = \"visa\" }\n  use \"refund\" {}\n}\n", "Unknown use", 3},
		{"pii use", "token \"a\" {\n  pii { preset = \"id_match\" }\n  use \"customer\" {}\n}\n", "Unsupported use", 3},
		{"charge without amount", "token \"a\" {\n  card { preset = \"visa\" }\n  use \"charge\" {\n  }\n}\n", "Missing required argument", 3},
		{"negative amount", "token \"a\" {\n  card { preset = \"visa\" }\n  use \"charge\" {\n    amount = -5\n  }\n}\n", "Invalid amount: parameter_invalid_integer", 4},
		{"customer with amount", "token \"a\" {\n  card { preset = \"visa\" }\n  use \"customer\" {\n    amount = 5\n  }\n}\n", "Unexpected argument", 4},
		{"bad currency", "token \"a\" {\n  card { preset = \"visa\" }\n  use \"charge\" {\n    amount = 500\n    currency = \"dollars\"\n  }\n}\n", "Invalid currency", 5},
		{"bad name", "token \"a b\" {\n  card { preset = \"visa\" }\n}\n", "Invalid token name", 1},
		{"top-level typo", "tokn \"a\" {\n}\n", "Unsupported block type", 1},
		{"syntax", "token \"a\" {\n  card {\n", "Unclosed configuration block", 2},
	} {
		t.Run(tc.name, func(t *testing.T) {
			d, _ := diagAt(t, tc.src)
			if !strings.HasPrefix(d.Summary, tc.summary) {
				t.Errorf("summary = %q (%s), want prefix %q", d.Summary, d.Detail, tc.summary)
			}
			if d.Subject == nil || d.Subject.Start.Line != tc.line {
				t.Errorf("subject = %v, want line %d", d.Subject, tc.line)
			}
		})
	}
}

func TestEveryPackParses(t *testing.T) {
	packs := Packs()
	for _, want := range []string{"pack:3ds", "pack:banks", "pack:brands", "pack:connect", "pack:declines", "pack:disputes", "pack:refunds"} {
		if !slices.Contains(packs, want) {
			t.Fatalf("packs = %v, lacking %s", packs, want)
		}
	}
	for _, name := range packs {
		f, diags := Load(name)
		if diags.HasErrors() {
			t.Errorf("%s: %s", name, diags.Error())
		}
		if len(f.Tokens) == 0 {
			t.Errorf("%s has no tokens", name)
		}
		if about := PackAbout(name); !strings.HasPrefix(about, "one ") {
			t.Errorf("%s: about = %q", name, about)
		}
	}
	if _, diags := Load("pack:nope"); !diags.HasErrors() || !strings.Contains(diags[0].Detail, "pack:declines") {
		t.Errorf("unknown pack: %v", diags)
	}
	if _, diags := Load("pack:../packs/declines"); !diags.HasErrors() {
		t.Error("a pack name with a path was loaded")
	}
}

func TestPackDeclinesCoversCatalog(t *testing.T) {
	f, diags := Load("pack:declines")
	if diags.HasErrors() {
		t.Fatal(diags.Error())
	}
	covered := map[string]Expectation{}
	for _, tok := range f.Tokens {
		want, ok := tok.Expected()
		if !ok || tok.Use.Kind != model.UseCharge {
			t.Errorf("token %s is not a charge expected to decline", tok.Name)
		}
		covered[tok.Request.Card.Number] = want
	}
	for _, c := range model.Cards {
		if !c.Outcome.Declines() {
			continue
		}
		got, ok := covered[c.Number]
		if !ok {
			t.Errorf("pack:declines lacks the declining card %s", c.Name)
		} else if got.Code != c.Outcome.Code || got.DeclineCode != c.Outcome.DeclineCode {
			t.Errorf("%s expects %s, catalog says %s", c.Name, got, c.Outcome.Codes())
		}
	}
}

func TestPackBanksAndBrandsCoverCatalog(t *testing.T) {
	banks, _ := Load("pack:banks")
	attached := map[string]bool{}
	for _, tok := range banks.Tokens {
		if tok.Use == nil || tok.Use.Kind != model.UseCustomer {
			t.Errorf("bank token %s is not attached to a customer", tok.Name)
		}
		attached[tok.Request.Bank.AccountNumber] = true
	}
	for _, b := range model.Banks {
		if !attached[b.AccountNumber] {
			t.Errorf("pack:banks lacks %s", b.Name)
		}
	}

	brands, _ := Load("pack:brands")
	seen := map[string]bool{}
	for _, tok := range brands.Tokens {
		c, _ := model.CardByNumber(tok.Request.Card.Number)
		if c.Outcome.Declines() || seen[c.Brand] {
			t.Errorf("brand token %s: declines or repeats brand %s", tok.Name, c.Brand)
		}
		seen[c.Brand] = true
	}
	for _, c := range model.Cards {
		if !seen[c.Brand] {
			t.Errorf("pack:brands lacks a %s card", c.Brand)
		}
	}
}

// Snippets mask every value but the harmless ones' digits (an unknown
// attribute may hold anything), and every card number anywhere, keeping
// the lines where they are.
func TestMaskSourceKeepsLines(t *testing.T) {
	src := []byte("number = \"4000 0000 0000 9995\"\ncvc = \"123\"\nid_number = 000000000\nname = \"4242424242424242\"\n" +
		"account_number = \"000123\"\nsecret_cvc = \"4729\"\nexp_month = 12\ntoken \"x4000.0566.5566.5556\" { card { cvc = 4729 } }\n# 4000 0566 5566 5556\n")
	toks, diags := lexSource("s.hcl", src)
	if diags.HasErrors() {
		t.Fatal(diags)
	}
	got := maskSource(src, toks)
	// An account number keeps its last 4, as in a plan (model.Input.Masked).
	want := "number = \"**** **** **** 9995\"\ncvc = \"***\"\nid_number = *********\nname = \"••••4242\"\n" +
		"account_number = \"**0123\"\nsecret_cvc = \"****\"\nexp_month = 12\ntoken \"x••••5556\" { card { cvc = **** } }\n# ••••5556\n"
	if string(got) != want {
		t.Errorf("masked =\n%s\nwant\n%s", got, want)
	}
}

func FuzzParse(f *testing.F) {
	// Small seeds keep each run and the minimizer fast; the packs are
	// covered by TestEveryPackParses.
	f.Add([]byte("token \"d\" {\n  card {\n    preset = \"insufficient_funds\"\n  }\n  use \"charge\" {\n    amount   = 1000\n    currency = \"usd\"\n  }\n}\n"))
	f.Add([]byte("token \"b\" {\n  bank_account {\n    routing_number = \"110000000\"\n    account_number = \"000123456789\"\n  }\n  use \"customer\" {}\n}\n"))
	f.Add([]byte("token \"p\" {\n  pii { id_number = \"000000000\" }\n}\ntoken \"a\" {\n  account {\n    business_type = \"company\"\n  }\n}\n"))
	f.Add([]byte("token \"a\" {\n  card {\n    prest = 1\n  }\n}\n"))
	f.Add([]byte("token \"a\" { card { number = 4242424242424242, exp_month = 99 } use \"charge\" { amount = 1e99 } }"))
	f.Add([]byte("token \"a\" { account { business_type = [1, {}] } }\ntoken \"a\" {}"))
	f.Add([]byte("token \"${x}\" { pii { id_number = var.x } }"))
	f.Add([]byte("token \"s\" {\n  card { preset = \"threeds_always\" }\n  use \"payment_intent\" { amount = 2000 }\n  authenticate { fail = true }\n  refund { amount = 500 }\n  refund {}\n}\n"))
	f.Add([]byte("token \"d\" { card { preset = \"dispute_fraudulent\" } use \"charge\" { amount = 1 } dispute { evidence = \"x\", close = true } verify { amounts = [1] } capture {} }"))
	f.Add([]byte("token \"a\" {\n  account { business_type = \"company\" }\n  use \"account\" {}\n}\ntoken \"p\" {\n  pii { preset = \"id_match\" }\n  use \"id_number\" { account = token.a }\n}\n"))
	f.Fuzz(func(t *testing.T, src []byte) {
		file, diags := parse("fuzz.hcl", src, testNow)
		if file == nil {
			t.Fatal("nil file")
		}
		var buf bytes.Buffer
		_ = file.WriteDiagnostics(&buf, diags, 80)
		if !diags.HasErrors() {
			for _, tok := range file.Tokens {
				if err := model.Validate(tok.Request, testNow); err != nil {
					t.Fatalf("token %s passed parsing but not validation: %v", tok.Name, err)
				}
			}
		}
	})
}
