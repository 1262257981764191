package model

import (
	"errors"
	"regexp"
	"strings"
	"testing"
	"time"
)

// TestCatalogCardsPassValidation: every test card is well formed, is the
// brand its prefix says, and passes ValidateNumber without allowAny; the
// one that simulates a Luhn failure fails exactly with its TokenizeCode.
func TestCatalogCardsPassValidation(t *testing.T) {
	for _, c := range Cards {
		if !isDigits(c.Number) {
			t.Errorf("%s: number is not all digits", c.Name)
			continue
		}
		if got := Brand(c.Number); got != c.Brand {
			t.Errorf("%s: Brand() = %q, catalog says %q", c.Name, got, c.Brand)
		}
		if msg := lengthProblem(c.Number); msg != "" {
			t.Errorf("%s: %s", c.Name, msg)
		}
		fe := ValidateNumber(c.Number, false)
		if c.TokenizeCode != "" {
			if fe == nil || fe.Code != c.TokenizeCode {
				t.Errorf("%s: want %s at tokenization, got %v", c.Name, c.TokenizeCode, fe)
			}
			if Luhn(c.Number) {
				t.Errorf("%s: should fail the Luhn check", c.Name)
			}
			continue
		}
		if fe != nil {
			t.Errorf("%s: %v", c.Name, fe)
		}
	}
}

func TestCatalogUniqueness(t *testing.T) {
	seen := map[string]string{}
	unique := func(kind, key, owner string) {
		if prev, ok := seen[kind+":"+key]; ok {
			t.Errorf("%s %q used by both %s and %s", kind, key, prev, owner)
		}
		seen[kind+":"+key] = owner
	}
	for _, c := range Cards {
		unique("name", c.Name, c.Name)
		unique("number", c.Number, c.Name)
		if c.MagicToken != "" {
			unique("magic", c.MagicToken, c.Name)
		}
	}
	for _, b := range Banks {
		unique("name", b.Name, b.Name)
		unique("account", b.AccountNumber, b.Name)
	}
	for _, p := range IDNumbers {
		unique("name", p.Name, p.Name)
		unique("id", p.IDNumber, p.Name)
	}
}

var presetName = regexp.MustCompile(`^[a-z][a-z0-9_]*$`)

func TestPresetNamesLowerCase(t *testing.T) {
	names := PresetNames()
	if len(names) != len(Cards)+len(Banks)+len(IDNumbers) {
		t.Fatalf("PresetNames has %d names, catalog has %d entries", len(names), len(Cards)+len(Banks)+len(IDNumbers))
	}
	for _, n := range names {
		if !presetName.MatchString(n) {
			t.Errorf("preset name %q is not lower case snake_case", n)
		}
	}
}

func TestCatalogLookups(t *testing.T) {
	if c, ok := CardByNumber("4000 0000 0000 9995"); !ok || c.Name != "insufficient_funds" {
		t.Errorf("CardByNumber with spaces: %v %v", c, ok)
	}
	if c, ok := CardByName("VISA"); !ok || c.Number != "4242424242424242" {
		t.Errorf("CardByName is case-insensitive: %v %v", c, ok)
	}
	if c, ok := CardForDecline("lost_card"); !ok || c.Name != "lost_card" {
		t.Errorf("CardForDecline(lost_card): %v %v", c, ok)
	}
	if MagicTokens["tok_chargeDeclined"] != MagicTokens["tok_visa_chargeDeclined"] || MagicTokens["tok_chargeDeclined"] == nil {
		t.Error("tok_chargeDeclined must alias tok_visa_chargeDeclined")
	}
	for _, b := range Banks {
		if fe := ValidateRouting(b.RoutingNumber); fe != nil {
			t.Errorf("%s: %v", b.Name, fe)
		}
		if fe := ValidateAccountNumber(b.AccountNumber); fe != nil {
			t.Errorf("%s: %v", b.Name, fe)
		}
	}
	for _, c := range Cards {
		if c.Expect == "" || c.Explain == "" {
			t.Errorf("%s: Expect and Explain must be filled", c.Name)
		}
		if c.Outcome.Declines() && !strings.Contains(c.Expect+c.Explain, c.Outcome.DeclineCode) && !strings.Contains(c.Explain, c.Number) {
			t.Errorf("%s: Expect/Explain say nothing of %s", c.Name, c.Outcome.DeclineCode)
		}
	}
}

// TestFromPresetEveryPreset: every preset builds a request of its kind that
// passes Validate, except the cards meant to fail at tokenization, which
// fail with their code.
func TestFromPresetEveryPreset(t *testing.T) {
	for _, name := range PresetNames() {
		req, err := fromPreset(name, testNow)
		if err != nil {
			t.Errorf("%s: %v", name, err)
			continue
		}
		kind, ok := PresetKind(name)
		if !ok || kind != req.Kind || req.Preset != name {
			t.Errorf("%s: PresetKind %q %v, request kind %q, preset %q", name, kind, ok, req.Kind, req.Preset)
		}
		err = Validate(req, testNow)
		want := ""
		if c, ok := CardByName(name); ok {
			want = c.TokenizeCode
		}
		var fe *FieldError
		errors.As(err, &fe)
		if got := codeOf(fe); got != want {
			t.Errorf("%s: Validate code %q, want %q (%v)", name, got, want, err)
		}
	}
}

func codeOf(fe *FieldError) string {
	if fe == nil {
		return ""
	}
	return fe.Code
}

func TestFromPresetDefaults(t *testing.T) {
	req, err := fromPreset("Amex", testNow)
	if err != nil {
		t.Fatal(err)
	}
	if c := req.Card; c.CVC != "1234" || c.ExpMonth != 12 || c.ExpYear != 2031 {
		t.Errorf("amex preset: cvc %q exp %d/%d, want 1234 12/2031", c.CVC, c.ExpMonth, c.ExpYear)
	}
	req, _ = fromPreset("visa", testNow)
	if req.Card.CVC != "123" {
		t.Errorf("visa preset CVC %q, want 123", req.Card.CVC)
	}
	req, _ = fromPreset("bank_account_closed", testNow)
	if b := req.Bank; b.Country != "US" || b.Currency != "usd" || b.RoutingNumber != TestRouting || b.AccountNumber != "000111111113" {
		t.Errorf("bank preset: %+v", b)
	}
	req, _ = fromPreset("id_mismatch", testNow)
	if req.Kind != KindPII || req.PII.IDNumber != "111111111" {
		t.Errorf("id preset: %+v", req)
	}
	if live, err := FromPreset("visa"); err != nil || Validate(live, time.Now()) != nil {
		t.Errorf("FromPreset with the real clock: %v", err)
	}
}

func TestFromPresetUnknown(t *testing.T) {
	_, err := FromPreset("platinum")
	var fe *FieldError
	if !errors.As(err, &fe) || fe.Code != "unknown_preset" || fe.Param != "preset" || !strings.Contains(fe.Message, `"platinum"`) {
		t.Fatalf("unknown preset: %#v", err)
	}
	_, err = FromPreset("4242424242424242")
	if err == nil || strings.Contains(err.Error(), "4242424242424242") {
		t.Fatalf("a number typed as a preset must not be echoed: %v", err)
	}
	if _, ok := PresetKind("platinum"); ok {
		t.Error("PresetKind of an unknown name")
	}
}

// FuzzFromPreset: any name either builds a request of the kind PresetKind
// says or is refused with unknown_preset, never echoing a long number.
func FuzzFromPreset(f *testing.F) {
	for _, s := range []string{"visa", "VISA ", "bank_ok", "id_match", "platinum", "4242424242424242", "visa4242 4242 4242 4242", strings.Repeat("x", 100)} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, name string) {
		req, err := FromPreset(name)
		kind, known := PresetKind(strings.TrimSpace(name))
		if err == nil {
			if !known || req.Kind != kind {
				t.Fatalf("%q built a %q request, PresetKind says %q %v", name, req.Kind, kind, known)
			}
			return
		}
		var fe *FieldError
		if !errors.As(err, &fe) || fe.Code != "unknown_preset" {
			t.Fatalf("%q: %v", name, err)
		}
		if d := Digits(name); len(d) >= 5 && isDigits(d) && strings.Contains(err.Error(), d) {
			t.Fatalf("message echoes a number: %q", err.Error())
		}
	})
}
