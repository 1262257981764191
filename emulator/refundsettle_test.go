package emulator

import (
	"context"
	"encoding/json"
	"net/http/httptest"
	"slices"
	"strconv"
	"sync/atomic"
	"testing"
	"time"

	"github.com/stripe/stripe-go/v85"
)

// fakeClockServer is an emulator on store st (nil: its own) whose clock
// advance moves, served on loopback with its answers checked against the
// spec.
func fakeClockServer(t *testing.T, st Store) (*Emulator, *stripe.Client, func(time.Duration)) {
	t.Helper()
	var offset atomic.Int64
	e, err := New(Options{Store: st, Now: func() time.Time { return fixedNow.Add(time.Duration(offset.Load())) }})
	if err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(specChecked(t, e))
	t.Cleanup(srv.Close)
	return e, newClient(srv.URL, testKey), func(d time.Duration) { offset.Add(int64(d)) }
}

// TestRefundTestCards: Stripe's refund test cards, refunded in full. A
// refund of 4000000000007726 is pending, then succeeds; one of
// 4000000000005126 succeeds, then fails and the charge is no longer
// refunded. The change is written, with charge.refund.updated, by the
// settler when it falls due, without the refund being read, and once.
func TestRefundTestCards(t *testing.T) {
	for _, tc := range []struct {
		number, first, then string
		refunded            int64 // the charge's amount_refunded at the end
		events              []string
	}{
		{"4000000000007726", "pending", "succeeded", 1000, []string{"refund.updated", "charge.refund.updated"}},
		{"4000000000005126", "succeeded", "failed", 0, []string{"refund.failed", "charge.refund.updated"}},
	} {
		t.Run(tc.number, func(t *testing.T) {
			e, sc, advance := fakeClockServer(t, nil)
			ch := chargeTestCard(t, sc, tc.number, 1000)
			re, err := sc.V1Refunds.Create(ctx, &stripe.RefundCreateParams{Charge: stripe.String(ch.ID)})
			if err != nil || string(re.Status) != tc.first {
				t.Fatalf("refund: %v %+v", err, re)
			}
			got, _ := sc.V1Charges.Retrieve(ctx, ch.ID, nil)
			if got.AmountRefunded != 1000 || !got.Refunded {
				t.Errorf("charge after the refund: amount_refunded %d refunded %v", got.AmountRefunded, got.Refunded)
			}
			_, seen := newEventTypes(t, sc, "")

			advance(refundSettleDelay - time.Second)
			next, err := e.SettleDue(ctx)
			if err != nil || !next.Equal(fixedNow.Add(refundSettleDelay)) {
				t.Errorf("next due %v, want %v (%v)", next, fixedNow.Add(refundSettleDelay), err)
			}
			advance(time.Second)
			if next, err := e.SettleDue(ctx); err != nil || !next.IsZero() {
				t.Errorf("settle: next %v, %v", next, err)
			}
			evs, seen := newEventTypes(t, sc, seen)
			if !slices.Equal(evs, tc.events) {
				t.Errorf("events when it fell due: %v, want %v", evs, tc.events)
			}
			if _, err := e.SettleDue(ctx); err != nil {
				t.Fatal(err)
			}
			if evs, _ := newEventTypes(t, sc, seen); len(evs) != 0 {
				t.Errorf("settled twice: %v", evs)
			}

			re, _ = sc.V1Refunds.Retrieve(ctx, re.ID, nil)
			if string(re.Status) != tc.then {
				t.Errorf("refund status %s, want %s", re.Status, tc.then)
			}
			if tc.then == "failed" && (re.FailureReason != "expired_or_canceled_card" || re.FailureBalanceTransaction == nil) {
				t.Errorf("failed refund: reason %q balance tx %v", re.FailureReason, re.FailureBalanceTransaction)
			}
			got, _ = sc.V1Charges.Retrieve(ctx, ch.ID, nil)
			if got.AmountRefunded != tc.refunded || got.Refunded != (tc.refunded == 1000) {
				t.Errorf("charge at the end: amount_refunded %d refunded %v", got.AmountRefunded, got.Refunded)
			}
		})
	}
}

// TestRefundFailingReadFirst: a charge read after its refund failed shows
// the amount given back, though nothing settled it before.
func TestRefundFailingReadFirst(t *testing.T) {
	_, sc, advance := fakeClockServer(t, nil)
	ch := chargeTestCard(t, sc, "4000000000005126", 1000)
	if _, err := sc.V1Refunds.Create(ctx, &stripe.RefundCreateParams{Charge: stripe.String(ch.ID), Amount: stripe.Int64(400)}); err != nil {
		t.Fatal(err)
	}
	advance(refundSettleDelay)
	got, err := sc.V1Charges.Retrieve(ctx, ch.ID, nil)
	if err != nil || got.AmountRefunded != 0 || got.Refunded {
		t.Fatalf("charge: %v amount_refunded %d", err, got.AmountRefunded)
	}
	// What failed may be refunded again.
	if _, err := sc.V1Refunds.Create(ctx, &stripe.RefundCreateParams{Charge: stripe.String(ch.ID)}); err != nil {
		t.Errorf("refund after a failed one: %v", err)
	}
}

// TestSettleTwoProcesses: two emulators sharing one store settle the same
// due refund; it is written, and its events made, once.
func TestSettleTwoProcesses(t *testing.T) {
	st := NewMemoryStore()
	a, sc, advanceA := fakeClockServer(t, st)
	b, _, advanceB := fakeClockServer(t, st)
	ch := chargeTestCard(t, sc, "4000000000007726", 1000)
	if _, err := sc.V1Refunds.Create(ctx, &stripe.RefundCreateParams{Charge: stripe.String(ch.ID)}); err != nil {
		t.Fatal(err)
	}
	_, seen := newEventTypes(t, sc, "")
	advanceA(refundSettleDelay)
	advanceB(refundSettleDelay)
	done := make(chan error, 2)
	for _, e := range []*Emulator{a, b} {
		go func() { _, err := e.SettleDue(ctx); done <- err }()
	}
	for range 2 {
		if err := <-done; err != nil {
			t.Fatal(err)
		}
	}
	if evs, _ := newEventTypes(t, sc, seen); !slices.Equal(evs, []string{"refund.updated", "charge.refund.updated"}) {
		t.Errorf("events: %v", evs)
	}
}

// TestSettleLoop: Settle writes what fell due when it wakes, without a
// request, and ends with its context.
func TestSettleLoop(t *testing.T) {
	e, sc, advance := fakeClockServer(t, nil)
	cus, ba := bankCustomer(t, sc, "000222222227") // insufficient funds
	if _, err := sc.V1PaymentSources.Verify(ctx, ba, &stripe.PaymentSourceVerifyParams{Customer: stripe.String(cus), Amounts: [2]int64{32, 45}}); err != nil {
		t.Fatal(err)
	}
	if _, err := sc.V1Charges.Create(ctx, &stripe.ChargeCreateParams{Amount: stripe.Int64(1500), Currency: stripe.String("usd"), Customer: stripe.String(cus)}); err != nil {
		t.Fatal(err)
	}
	_, seen := newEventTypes(t, sc, "")

	loop, stop := context.WithCancel(context.Background())
	made := e.EventsMade(loop)
	wake := make(chan struct{})
	ended := make(chan error)
	go func() { ended <- e.Settle(loop, SettleOptions{Every: time.Hour, Wake: wake}) }()
	advance(achSettleDelay)
	wake <- struct{}{}
	select {
	case <-made:
	case <-time.After(10 * time.Second):
		t.Fatal("the settler made no events once the debit was due")
	}
	if evs, _ := newEventTypes(t, sc, seen); !slices.Equal(evs, []string{"charge.failed"}) {
		t.Errorf("events: %v", evs)
	}
	stop()
	select {
	case err := <-ended:
		if err != nil {
			t.Error(err)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("Settle did not end with its context")
	}
}

func TestSettleWait(t *testing.T) {
	now := fixedNow.Add(300 * time.Millisecond)
	for _, tc := range []struct {
		next time.Time
		want time.Duration
	}{
		{time.Time{}, time.Minute},                               // nothing listed
		{fixedNow.Add(2 * time.Second), 1700 * time.Millisecond}, // until it is due
		{fixedNow.Add(-time.Second), 0},                          // overdue
		{fixedNow.Add(time.Hour), time.Minute},                   // at most every
	} {
		if got := settleWait(tc.next, now, time.Minute); got != tc.want {
			t.Errorf("settleWait(%v): %v, want %v", tc.next, got, tc.want)
		}
	}
}

// BenchmarkSettleDueIdle is the settler's look when nothing is due, with
// a thousand charges and a pending refund in a log store: one read of the
// list, whatever the charges.
func BenchmarkSettleDueIdle(b *testing.B) {
	e, err := New(Options{Dir: b.TempDir(), Now: clock})
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { e.Close() })
	for i := range 1000 {
		post(b, e, "/v1/charges", "amount=100&currency=usd&source=tok_visa", map[string]string{"Idempotency-Key": "c" + strconv.Itoa(i)})
	}
	var ch struct{ ID string }
	if err := json.Unmarshal(post(b, e, "/v1/charges", "amount=100&currency=usd&source=tok_pendingRefund", nil).Body.Bytes(), &ch); err != nil {
		b.Fatal(err)
	}
	post(b, e, "/v1/refunds", "charge="+ch.ID, nil)
	if next, _ := e.SettleDue(ctx); next.IsZero() {
		b.Fatal("nothing listed")
	}
	b.ResetTimer()
	for b.Loop() {
		if _, err := e.SettleDue(ctx); err != nil {
			b.Fatal(err)
		}
	}
}
