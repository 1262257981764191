package model_test

import (
	"encoding/json"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/tokenscope/tokenscope/internal/fsutil"
	"github.com/tokenscope/tokenscope/model"
)

var pendingNow = time.Date(2026, 11, 28, 12, 0, 0, 0, time.UTC)

// Every preset's request is rebuilt exactly from its pending record, which
// holds no secret (the state's guard would refuse one) and no secret's
// last digits beyond a masked summary.
func TestPendingCreateRoundTrip(t *testing.T) {
	for _, s := range model.Creatable() {
		for _, p := range s.Create.Presets {
			req := p.Request(pendingNow)
			req.Card = withName(req.Card)
			pend := model.NewPendingCreate(req, "key-"+p.Name, "scenario.x", pendingNow)
			data, _ := json.Marshal(pend)
			if err := fsutil.CheckSecrets(data); err != nil {
				t.Errorf("%s: the pending record %s: %v", p.Name, data, err)
			}
			if ok, why := pend.Replayable(); !ok {
				t.Errorf("%s: not replayable: %s", p.Name, why)
				continue
			}
			// A day later: a preset's expiry moves with the clock, the
			// rebuilt request must not.
			again, err := pend.CreateRequest(pendingNow.AddDate(1, 0, 0))
			if err != nil {
				t.Errorf("%s: %v", p.Name, err)
				continue
			}
			if again.IdempotencyKey != "key-"+p.Name || again.Preset != req.Preset {
				t.Errorf("%s: key %q preset %q", p.Name, again.IdempotencyKey, again.Preset)
			}
			if got, want := s.Create.Params(again), s.Create.Params(req); !reflect.DeepEqual(got, want) {
				t.Errorf("%s: rebuilt params\n%v\nwant\n%v", p.Name, got, want)
			}
		}
	}
}

func withName(c *model.CardInput) *model.CardInput {
	if c != nil {
		c.Name = "Jenny Rosen"
	}
	return c
}

// A secret that is no preset's test data is not kept: the record says so
// and cannot be sent again (Stripe would refuse the key with other
// parameters).
func TestPendingCreateWithholdsOtherSecrets(t *testing.T) {
	cases := map[string]func(*model.TokenRequest){
		"own cvc":    func(r *model.TokenRequest) { r.Card.CVC = "987" },
		"own number": func(r *model.TokenRequest) { r.Card.Number = "4000056655665564" },
	}
	for name, change := range cases {
		req, _ := model.FromPresetAt("visa", pendingNow)
		change(&req)
		req.Preset = ""
		pend := model.NewPendingCreate(req, "k", "", pendingNow)
		data, _ := json.Marshal(pend)
		if err := fsutil.CheckSecrets(data); err != nil {
			t.Errorf("%s: %v", name, err)
		}
		for _, secret := range []string{"987", "4000056655665564"} {
			if contains(data, secret) {
				t.Errorf("%s: the record holds %s: %s", name, secret, data)
			}
		}
		if ok, why := pend.Replayable(); ok || why == "" {
			t.Errorf("%s: replayable %v %q", name, ok, why)
		}
		if _, err := pend.CreateRequest(pendingNow); err == nil {
			t.Errorf("%s: rebuilt", name)
		}
	}
}

func contains(data []byte, s string) bool { return strings.Contains(string(data), s) }
func TestPendingUse(t *testing.T) {
	req := model.UseRequest{TokenID: "tok_1", Kind: model.UseCharge, Amount: 1000, Currency: "usd", IdempotencyKey: "ignored"}
	pend := model.NewPendingUse(req, "k", pendingNow)
	data, _ := json.Marshal(pend)
	var back model.Pending
	if err := json.Unmarshal(data, &back); err != nil {
		t.Fatal(err)
	}
	got := back.UseRequest()
	req.IdempotencyKey = "k"
	if got != req || back.Summary != "charge tok_1 10.00 usd" {
		t.Errorf("%+v %q", got, back.Summary)
	}
}

// TestPendingUseSummaries: a crash recovery names the use that was
// interrupted, not "attach … to a new customer" for every kind.
func TestPendingUseSummaries(t *testing.T) {
	for kind, want := range map[model.UseKind]string{
		model.UseCustomer:      "attach tok_1 to a new customer",
		model.UsePaymentMethod: "make a PaymentMethod of tok_1",
		model.UsePaymentIntent: "pay a PaymentIntent of 10.00 usd with tok_1",
	} {
		req := model.UseRequest{TokenID: "tok_1", Kind: kind, Amount: 1000, Currency: "usd"}
		if got := model.NewPendingUse(req, "k", pendingNow).Summary; got != want {
			t.Errorf("%s: %q, want %q", kind, got, want)
		}
	}
}
