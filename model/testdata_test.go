package model

import (
	"net/url"
	"testing"
	"time"
)

// A create form names its published test data: the very preset, a preset
// with the brand and last 4 of a number that is none (a stand-in), or
// nothing; a form that creates nothing names none.
func TestTestDataOf(t *testing.T) {
	now := time.Date(2026, 12, 5, 0, 0, 0, 0, time.UTC)
	for _, c := range []struct {
		form         string
		preset       string
		exact, found bool
	}{
		{"card[number]=4000000000009995&card[exp_month]=12&card[exp_year]=2030&card[cvc]=123", "insufficient_funds", true, true},
		{"card[number]=4000000000014242&card[exp_month]=12&card[exp_year]=2030", "visa", false, true}, // not a test card, ends 4242
		{"card[number]=4111111111117777&card[exp_month]=12&card[exp_year]=2030", "", false, false},
		{"bank_account[account_number]=000123456789&bank_account[routing_number]=110000000&bank_account[country]=US", "bank_ok", true, true},
		{"pii[id_number]=000000000", "id_match", true, true},
		{"pii[id_number]=123456789", "", false, false}, // no part of an id number may stand in
		{"amount=1000&currency=usd&source=tok_visa", "", false, false},
	} {
		form, _ := url.ParseQuery(c.form)
		p, exact, ok := TestDataOf(form.Get, now)
		if p != c.preset || exact != c.exact || ok != c.found {
			t.Errorf("%s: %q exact=%t ok=%t, want %q %t %t", c.form, p, exact, ok, c.preset, c.exact, c.found)
		}
	}
}

// A recorded token without a preset (a test number typed by hand) is
// written as the preset that shows as it does; among several with its
// brand and last 4 the one that declines as its uses did wins.
func TestTestDataOfRecord(t *testing.T) {
	now := time.Now()
	rec := func(brand, last4 string, uses ...Use) Record {
		return Record{ID: "tok_1", Type: KindCard, Raw: []byte(`{"id":"tok_1","card":{"brand":"` + brand + `","last4":"` + last4 + `"}}`), Uses: uses}
	}
	if p, exact, ok := TestDataOfRecord(Record{Type: KindCard, Preset: "lost_card"}, now); p != "lost_card" || !exact || !ok {
		t.Errorf("preset: %q %t %t", p, exact, ok)
	}
	if p, exact, ok := TestDataOfRecord(rec("Visa", "5556"), now); p != "visa_debit" || exact || !ok {
		t.Errorf("typed visa debit: %q %t %t", p, exact, ok)
	}
	if _, _, ok := TestDataOfRecord(rec("MasterCard", "4242"), now); ok {
		t.Error("a MasterCard ending 4242 stands in for Visa's")
	}
	if _, _, ok := TestDataOfRecord(Record{Type: KindAccount, Raw: []byte(`{"id":"ct_1"}`)}, now); ok {
		t.Error("an account token got test data")
	}
	// 0002 ends generic_decline's number only; 4242 is visa's (succeeds):
	// a use that declined with a code no 4242 card has finds none better
	// than the first.
	declined := Use{Kind: UseCharge, Status: "failed", Code: "card_declined", DeclineCode: "generic_decline"}
	if p, _, _ := TestDataOfRecord(rec("Visa", "0002", declined), now); p != "generic_decline" {
		t.Errorf("declined 0002: %q", p)
	}
}

// A story follows the token into what its uses made and what was done to
// those, and no further.
func TestTouched(t *testing.T) {
	r := Record{ID: "tok_1", Uses: []Use{{ObjectID: "ch_1"}}}
	log := []LoggedRequest{
		{Path: "/v1/tokens", Response: `{"id":"tok_1","object":"token"}`},
		{Path: "/v1/tokens", Response: `{"id":"tok_12","object":"token"}`},
		{Path: "/v1/charges", Body: "source=tok_1", Response: `{"id":"ch_1","object":"charge"}`},
		{Path: "/v1/refunds", Body: "charge=ch_1", Response: `{"id":"re_1","object":"refund"}`},
		{Path: "/v1/refunds/re_1"},
		{Path: "/v1/charges", Body: "source=tok_12"},
	}
	got := Touched(r, log)
	if len(got) != 4 || got[3].Path != "/v1/refunds/re_1" {
		t.Errorf("touched %+v", got)
	}
}

// Output that must name test cards keeps them and masks the rest.
func TestMaskSecretsKeepTestCards(t *testing.T) {
	in := "card[number]=4242424242424242 and 4000000000024242 key sk_test_" + "abcdefghijklmnop"
	want := "card[number]=4242424242424242 and ••••4242 key sk_test_…"
	if got := MaskSecretsKeepTestCards(in); got != want {
		t.Errorf("got %q, want %q", got, want)
	}
}
