package model

import (
	"strings"
	"testing"
)

func TestDiffCard(t *testing.T) {
	old := mustRecord(t, cardTokenJSON)
	newer := mustRecord(t, strings.NewReplacer(
		`"used": false`, `"used": true`,
		`"cvc_check": "pass"`, `"cvc_check": "fail"`,
		`"exp_year": 2030`, `"exp_year": 2031`,
		`"address_zip_check": null`, `"address_zip_check": "unavailable"`,
	).Replace(cardTokenJSON))
	got := Diff(old, newer)
	want := []Drift{
		{ID: old.ID, Field: "used", From: "false", To: "true"},
		{ID: old.ID, Field: "card.exp", From: "08/2030", To: "08/2031"},
		{ID: old.ID, Field: "card.cvc_check", From: "pass", To: "fail"},
		{ID: old.ID, Field: "card.address_zip_check", From: "null", To: "unavailable"},
	}
	if len(got) != len(want) {
		t.Fatalf("Diff = %+v\nwant %+v", got, want)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("drift %d = %+v, want %+v", i, got[i], want[i])
		}
	}
}

func TestDiffBankAndNone(t *testing.T) {
	old := mustRecord(t, bankTokenJSON)
	if d := Diff(old, old); len(d) != 0 {
		t.Errorf("a token does not drift from itself: %+v", d)
	}
	newer := mustRecord(t, strings.Replace(bankTokenJSON, `"status": "new"`, `"status": "verified"`, 1))
	d := Diff(old, newer)
	if len(d) != 1 || d[0].Field != "bank_account.status" || d[0].From != "new" || d[0].To != "verified" {
		t.Errorf("bank drift: %+v", d)
	}
	live := newer
	live.Livemode, live.Type = true, KindCard
	d = Diff(old, live)
	if len(d) < 3 || d[0].Field != "livemode" || d[1].Field != "type" || d[1].From != "bank_account" || d[1].To != "card" {
		t.Errorf("top-level drift first: %+v", d)
	}
}
