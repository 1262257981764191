package emulator

import (
	"net/http/httptest"
	"slices"
	"sync/atomic"
	"testing"
	"time"

	"github.com/stripe/stripe-go/v85"
)

// newEventTypes lists the events made since the newest one seen was
// since ("" for none), oldest first, by stripe-go.
func newEventTypes(t *testing.T, sc *stripe.Client, since string) (types []string, newest string) {
	t.Helper()
	for ev, err := range sc.V1Events.List(ctx, &stripe.EventListParams{}).All(ctx) {
		if err != nil {
			t.Fatal(err)
		}
		if ev.ID == since {
			break
		}
		if newest == "" {
			newest = ev.ID
		}
		types = append([]string{string(ev.Type)}, types...)
	}
	return types, cmpOr(newest, since)
}

// TestEventsOfStatusChanges: each status change that does not come from an
// API write of the object itself (a 3D Secure page, a debit settling with
// time, a person written by an account's update) still makes its events,
// once.
func TestEventsOfStatusChanges(t *testing.T) {
	var offset atomic.Int64
	e, err := New(Options{Now: func() time.Time { return fixedNow.Add(time.Duration(offset.Load())) }})
	if err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(e)
	t.Cleanup(srv.Close)
	sc := newClient(srv.URL, testKey)

	challenged := func(pm, action string) (func(), func()) {
		var link string
		return func() {
				pi, err := confirmPI(sc, pm, func(p *stripe.PaymentIntentCreateParams) { p.ReturnURL = stripe.String("https://shop.example/done") })
				if err != nil || pi.NextAction == nil || pi.NextAction.RedirectToURL == nil {
					t.Fatalf("%s: %v %+v", pm, err, pi)
				}
				link = pi.NextAction.RedirectToURL.URL
			}, func() {
				if res := challenge(t, e, link, action); res.Code >= 400 {
					t.Fatalf("%s: %d %s", action, res.Code, res.Body)
				}
			}
	}
	debit := func(account string) (func(), func()) {
		var id string
		return func() {
				cus, ba := bankCustomer(t, sc, account)
				if _, err := sc.V1PaymentSources.Verify(ctx, ba, &stripe.PaymentSourceVerifyParams{Customer: stripe.String(cus), Amounts: [2]int64{32, 45}}); err != nil {
					t.Fatal(err)
				}
				ch, err := sc.V1Charges.Create(ctx, &stripe.ChargeCreateParams{Amount: stripe.Int64(1500), Currency: stripe.String("usd"), Customer: stripe.String(cus)})
				if err != nil || ch.Status != "pending" {
					t.Fatalf("debit: %v %+v", err, ch)
				}
				id = ch.ID
			}, func() {
				offset.Add(int64(achSettleDelay))
				if _, err := sc.V1Charges.Retrieve(ctx, id, nil); err != nil {
					t.Fatal(err)
				}
			}
	}
	var acct string
	idNumber := func() {
		ct, err := sc.V1Tokens.Create(ctx, &stripe.TokenCreateParams{Account: &stripe.TokenCreateAccountParams{
			BusinessType: stripe.String("individual"), Individual: &stripe.PersonParams{FirstName: stripe.String("Jenny")}}})
		if err != nil {
			t.Fatal(err)
		}
		a, err := sc.V1Accounts.Create(ctx, &stripe.AccountCreateParams{Type: stripe.String("custom"), AccountToken: stripe.String(ct.ID)})
		if err != nil {
			t.Fatal(err)
		}
		acct = a.ID
	}
	giveIDNumber := func() {
		pii, err := sc.V1Tokens.Create(ctx, &stripe.TokenCreateParams{PII: &stripe.TokenCreatePIIParams{IDNumber: stripe.String("000000000")}})
		if err != nil {
			t.Fatal(err)
		}
		if _, err := sc.V1Accounts.Update(ctx, acct, &stripe.AccountUpdateParams{Individual: &stripe.PersonParams{IDNumber: stripe.String(pii.ID)}}); err != nil {
			t.Fatal(err)
		}
	}

	cases := []struct {
		name          string
		setup, action func()
		want          []string
		again         bool // the action repeated makes no events
	}{
		{"3ds complete", nil, nil, []string{"charge.succeeded", "payment_intent.succeeded"}, false},
		{"3ds fail", nil, nil, []string{"payment_intent.payment_failed"}, false},
		{"debit settles", nil, nil, []string{"charge.succeeded"}, true},
		{"debit fails", nil, nil, []string{"charge.failed"}, true},
		// The individual is a person: its change is the person's, and
		// the account's that shows it.
		{"id number by PII token", idNumber, giveIDNumber, []string{"person.updated", "account.updated"}, false},
	}
	cases[0].setup, cases[0].action = challenged("pm_card_authenticationRequired", "complete")
	cases[1].setup, cases[1].action = challenged("pm_card_threeDSecure2Required", "fail")
	cases[2].setup, cases[2].action = debit("000123456789")
	cases[3].setup, cases[3].action = debit("000111111113")

	var seen string
	for _, tc := range cases {
		tc.setup()
		_, seen = newEventTypes(t, sc, seen)
		tc.action()
		var got []string
		if got, seen = newEventTypes(t, sc, seen); !slices.Equal(got, tc.want) {
			t.Errorf("%s: events %v, want %v", tc.name, got, tc.want)
		}
		if !tc.again {
			continue
		}
		tc.action() // a settlement is written, and evented, once
		if got, seen = newEventTypes(t, sc, seen); len(got) > 0 {
			t.Errorf("%s again: events %v", tc.name, got)
		}
	}
}

// TestEventsListShowsASettledDebit: listing events settles a due debit
// first, so its charge.succeeded is listed though the charge was not read.
func TestEventsListShowsASettledDebit(t *testing.T) {
	var offset atomic.Int64
	e, err := New(Options{Now: func() time.Time { return fixedNow.Add(time.Duration(offset.Load())) }})
	if err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(e)
	t.Cleanup(srv.Close)
	sc := newClient(srv.URL, testKey)
	cus, ba := bankCustomer(t, sc, "000123456789")
	if _, err := sc.V1PaymentSources.Verify(ctx, ba, &stripe.PaymentSourceVerifyParams{Customer: stripe.String(cus), Amounts: [2]int64{32, 45}}); err != nil {
		t.Fatal(err)
	}
	if _, err := sc.V1Charges.Create(ctx, &stripe.ChargeCreateParams{Amount: stripe.Int64(1500), Currency: stripe.String("usd"), Customer: stripe.String(cus)}); err != nil {
		t.Fatal(err)
	}
	_, seen := newEventTypes(t, sc, "")
	offset.Add(int64(achSettleDelay))
	if got, _ := newEventTypes(t, sc, seen); !slices.Equal(got, []string{"charge.succeeded"}) {
		t.Errorf("events after the settle time: %v", got)
	}
}
