package model

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"
	"time"
)

// cardTokenJSON is a card Token as stripe-mock v0.203.0 returns it (its
// fixture, pretty-printed as the API may send it).
const cardTokenJSON = `{
  "card": {
    "address_city": null,
    "address_country": null,
    "address_line1": null,
    "address_line1_check": null,
    "address_line2": null,
    "address_state": null,
    "address_zip": null,
    "address_zip_check": null,
    "brand": "Visa",
    "country": "US",
    "cvc_check": "pass",
    "dynamic_last4": null,
    "exp_month": 8,
    "exp_year": 2030,
    "fingerprint": "AOB934RVNwzk6xtn",
    "funding": "credit",
    "id": "card_1Pgc7BB7WZ01zgkWeZoy4YdD",
    "last4": "4242",
    "metadata": {},
    "name": null,
    "networks": {"preferred": null},
    "object": "card",
    "tokenization_method": null,
    "regulated_status": null
  },
  "client_ip": null,
  "created": 1234567890,
  "id": "tok_1Pgc7BB7WZ01zgkWptnajzKJ",
  "livemode": false,
  "object": "token",
  "type": "card",
  "used": false
}`

// bankTokenJSON is a bank account Token as Stripe's test mode returns it
// for routing 110000000 (stripe-mock's bank_account fixture inside).
const bankTokenJSON = `{
  "bank_account": {
    "account_holder_name": "Jane Austen",
    "account_holder_type": "company",
    "account_type": null,
    "bank_name": "STRIPE TEST BANK",
    "country": "US",
    "currency": "usd",
    "fingerprint": "AuoSJ18zsVWV9SPc",
    "id": "ba_1PgagAB7WZ01zgkWr3DySp2Q",
    "last4": "6789",
    "object": "bank_account",
    "routing_number": "110000000",
    "status": "new"
  },
  "client_ip": "127.0.0.1",
  "created": 1234567891,
  "id": "btok_1PgagAB7WZ01zgkWbHjXk2Pq",
  "livemode": false,
  "object": "token",
  "type": "bank_account",
  "used": false
}`

const piiTokenJSON = `{"client_ip":"127.0.0.1","created":1234567892,"id":"pii_1PgagAB7WZ01zgkWx","livemode":false,"object":"token","type":"pii","used":false}`

func mustRecord(t *testing.T, raw string) Record {
	t.Helper()
	r, err := NewRecord([]byte(raw), "req_test", time.Date(2026, 6, 15, 14, 0, 0, 0, time.FixedZone("CEST", 2*3600)))
	if err != nil {
		t.Fatal(err)
	}
	return r
}

func TestNewRecordCard(t *testing.T) {
	r := mustRecord(t, cardTokenJSON)
	if r.ID != "tok_1Pgc7BB7WZ01zgkWptnajzKJ" || r.Type != KindCard || r.Used || r.Livemode || r.Created != 1234567890 {
		t.Errorf("decoded fields: %+v", r)
	}
	if r.Summary != "Visa •••• 4242" {
		t.Errorf("Summary = %q", r.Summary)
	}
	if r.RequestID != "req_test" || r.FetchedAt.Location() != time.UTC || r.FetchedAt.Hour() != 12 {
		t.Errorf("request id %q, fetched %v (want UTC 12:00)", r.RequestID, r.FetchedAt)
	}
	var want bytes.Buffer
	if err := json.Compact(&want, []byte(cardTokenJSON)); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(r.Raw, want.Bytes()) {
		t.Errorf("Raw is not the API's JSON, compacted:\n%s", r.Raw)
	}
	f, err := DecodeFields(r.Raw)
	if err != nil || f.Get("card.exp_year") != "2030" || f.Get("card.cvc_check") != "pass" {
		t.Errorf("Raw's fields: %v %v", f, err)
	}
}

func TestNewRecordBankAndPII(t *testing.T) {
	b := mustRecord(t, bankTokenJSON)
	if b.Type != KindBank || b.Summary != "STRIPE TEST BANK •••• 6789" || b.Type.Short() != "bank" {
		t.Errorf("bank record: %+v", b)
	}
	f, err := DecodeFields(b.Raw)
	if err != nil || f.Get("bank_account.status") != "new" || f.Get("client_ip") != "127.0.0.1" {
		t.Errorf("bank Raw's fields: %v %v", f, err)
	}
	p := mustRecord(t, piiTokenJSON)
	if p.Type != KindPII || p.Summary != "id number" {
		t.Errorf("pii record: %+v", p)
	}
}

func TestNewRecordRefusesBadInput(t *testing.T) {
	for _, raw := range []string{``, `{`, `[]`, `{"object":"token","type":"card"}`} {
		if _, err := NewRecord([]byte(raw), "", time.Now()); err == nil {
			t.Errorf("NewRecord(%q) accepted", raw)
		} else if !strings.Contains(err.Error(), "decode token") {
			t.Errorf("NewRecord(%q): %v", raw, err)
		}
	}
}

func TestRefreshedKeepsLocalFacts(t *testing.T) {
	old := mustRecord(t, cardTokenJSON)
	old.Preset, old.Scenario, old.ScenarioDigest = "visa", "pack:brands/visa", "sha256:ab"
	old.Uses = []Use{{Kind: UseCharge, ObjectID: "ch_1", Status: "succeeded"}}
	newer := mustRecord(t, strings.Replace(cardTokenJSON, `"used": false`, `"used": true`, 1))
	got := old.Refreshed(newer)
	if !got.Used || got.Preset != "visa" || got.Scenario != "pack:brands/visa" || got.ScenarioDigest != "sha256:ab" || len(got.Uses) != 1 {
		t.Errorf("Refreshed: %+v", got)
	}
}
