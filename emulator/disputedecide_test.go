package emulator

import (
	"net/http"
	"slices"
	"sync/atomic"
	"testing"
	"time"

	"github.com/tokenscope/tokenscope/model"
)

// movingEmulator is an emulator whose clock the test moves on.
func movingEmulator(t *testing.T) (*Emulator, func(time.Duration)) {
	t.Helper()
	var offset atomic.Int64
	e, err := New(Options{Now: func() time.Time { return fixedNow.Add(time.Duration(offset.Load())) }})
	if err != nil {
		t.Fatal(err)
	}
	return e, func(d time.Duration) { offset.Add(int64(d)) }
}

// Winning test evidence answers under_review, as Stripe does; the
// dispute is won disputeDecideDelay later, read or not: the background
// settler writes it, with charge.dispute.closed and the money back, dated
// when it fell due. Until then it takes no more evidence and no close.
func TestDisputeDecidedLater(t *testing.T) {
	e, advance := movingEmulator(t)
	_, du := disputedCharge(t, e, "4000000000000259", "2000")
	var answered disputeShown
	decodeInto(t, post(t, e, "/v1/disputes/"+du.ID, "evidence[uncategorized_text]="+model.WinningEvidence, nil).Body.Bytes(), &answered)
	if answered.Status != "under_review" || len(answered.BalanceTransactions) != 1 {
		t.Fatalf("answered: %+v", answered)
	}
	if typs, _ := disputeEvents(t, e, du.ID); slices.Contains(typs, "charge.dispute.closed") {
		t.Errorf("closed at once: %v", typs)
	}
	for path, body := range map[string]string{
		"/v1/disputes/" + du.ID:            "evidence[uncategorized_text]=" + model.LosingEvidence,
		"/v1/disputes/" + du.ID + "/close": "",
	} {
		rec := do(t, e, "POST", path, testKey, body, nil)
		var refused struct{ Error struct{ Message string } }
		decodeInto(t, rec.Body.Bytes(), &refused)
		if rec.Code != http.StatusBadRequest || refused.Error.Message != msgDisputeDeciding {
			t.Errorf("POST %s while deciding: %d %s", path, rec.Code, rec.Body)
		}
	}

	advance(disputeDecideDelay)
	if _, err := e.SettleDue(ctx); err != nil {
		t.Fatal(err)
	}
	typs, statuses := disputeEvents(t, e, du.ID)
	if want := []string{"charge.dispute.created", "charge.dispute.funds_withdrawn", "charge.dispute.updated",
		"charge.dispute.closed", "charge.dispute.funds_reinstated"}; !slices.Equal(typs, want) || statuses[2] != "under_review" || statuses[3] != "won" {
		t.Errorf("events %v %v, want %v", typs, statuses, want)
	}
	var won disputeShown
	decodeInto(t, do(t, e, "GET", "/v1/disputes/"+du.ID, testKey, "", nil).Body.Bytes(), &won)
	if won.Status != "won" || len(won.BalanceTransactions) != 2 || won.BalanceTransactions[1].Created != fixedNow.Add(disputeDecideDelay).Unix() {
		t.Errorf("won: %+v", won)
	}
}
