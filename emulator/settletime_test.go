package emulator

import (
	"fmt"
	"slices"
	"testing"
	"time"

	"github.com/stripe/stripe-go/v85"
)

// eventsSince lists "type created amount" of the events made from created
// on, newest first; created in seconds after fixedNow, a customer's amount
// 0.
func eventsSince(t *testing.T, sc *stripe.Client, created int64) []string {
	t.Helper()
	p := &stripe.EventListParams{CreatedRange: &stripe.RangeQueryParams{GreaterThanOrEqual: created}}
	var out []string
	for ev, err := range sc.V1Events.List(ctx, p).All(ctx) {
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, fmt.Sprintf("%s %d", ev.Type, ev.Created-fixedNow.Unix()))
		if ev.Data.Object["object"] != "customer" {
			out[len(out)-1] += fmt.Sprintf(" %v", ev.Data.Object["amount"])
		} else {
			out[len(out)-1] += " 0"
		}
	}
	return out
}

// A debit read long after it fell due is dated when it fell due, as Stripe
// dates it, whichever reads it first: a GET of the charge, a list of
// events, or the background settler. Times are seconds after fixedNow.
func TestSettledChangeDatedWhenDue(t *testing.T) {
	for name, read := range map[string]func(e *Emulator, sc *stripe.Client, ch string){
		"get": func(_ *Emulator, sc *stripe.Client, ch string) {
			if _, err := sc.V1Charges.Retrieve(ctx, ch, nil); err != nil {
				t.Fatal(err)
			}
		},
		"events": func(*Emulator, *stripe.Client, string) {},
		"settler": func(e *Emulator, _ *stripe.Client, _ string) {
			if _, err := e.SettleDue(ctx); err != nil {
				t.Fatal(err)
			}
		},
	} {
		t.Run(name, func(t *testing.T) {
			e, sc, advance := fakeClockServer(t, nil)
			ch := verifiedDebit(t, sc, "000222222227", 1500) // insufficient funds
			advance(time.Hour)
			read(e, sc, ch.ID)
			got := eventsSince(t, sc, fixedNow.Unix())
			due := int64(achSettleDelay / time.Second)
			if len(got) < 2 || got[0] != fmt.Sprintf("charge.failed %d 1500", due) || got[1] != "charge.pending 0 1500" {
				t.Errorf("events %v, want charge.failed at %d after charge.pending at 0", got, due)
			}
			rev := balanceTxsOfType(t, sc, "payment_failure_refund")
			for _, bt := range rev {
				if bt.Created != fixedNow.Unix()+due {
					t.Errorf("the reversal is dated %d, want %d", bt.Created-fixedNow.Unix(), due)
				}
			}
			if len(rev) != 1 {
				t.Errorf("%d reversals, want 1", len(rev))
			}
		})
	}
}

// Events made after a debit fell due, and before it was read, stay before
// it: it is dated no earlier than they are, so the list stays newest
// first by created and a created filter finds every event it should. Two
// debits settled by one read are dated, and listed, in the order they
// fell due.
func TestSettledChangeKeepsEventOrder(t *testing.T) {
	_, sc, advance := fakeClockServer(t, nil)
	verifiedDebit(t, sc, "000111111113", 1500) // account closed, due at 5
	advance(2 * time.Second)
	verifiedDebit(t, sc, "000333333335", 700) // debit not authorized, due at 7
	advance(20 * time.Second)
	if _, err := sc.V1Customers.Create(ctx, &stripe.CustomerCreateParams{Email: stripe.String("later@example.com")}); err != nil {
		t.Fatal(err)
	}
	advance(time.Minute)

	// The list settles both debits first.
	got := eventsSince(t, sc, fixedNow.Unix()+22)
	want := []string{"charge.failed 22 700", "charge.failed 22 1500", "customer.created 22 0"}
	if !slices.Equal(got, want) {
		t.Errorf("events from 22 s on: %v, want %v", got, want)
	}
}
