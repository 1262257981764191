package flow

import (
	"context"
	"testing"

	"github.com/tokenscope/tokenscope/model"
)

// An inquiry takes no money, open or closed: once it is answered (under
// review until test mode closes it a few seconds later) or closed, its
// charge's pane still offers b, and the refund goes through.
func TestObjectPaneRefundsAfterTheInquiryCloses(t *testing.T) {
	for _, c := range []struct {
		name     string
		evidence string
		close    bool
		status   string
	}{{"answered", model.WinningEvidence, false, "warning_under_review"}, {"closed", "", true, "warning_closed"}} {
		t.Run(c.name, func(t *testing.T) {
			pc, _ := newContext(t, 80, 24, setup{})
			ch := used(t, pc, "dispute_inquiry", model.UseRequest{Kind: model.UseCharge, Amount: 1500, Currency: "usd"})
			d, found, err := pc.Session.DisputeOf(context.Background(), ch)
			if err != nil || !found {
				t.Fatalf("no inquiry for %s: %v", ch, err)
			}
			if _, err := pc.Session.Answer(context.Background(), d.ID, c.evidence, c.close); err != nil {
				t.Fatal(err)
			}
			r := start(t, NewObject(pc, ch), 80, 24)
			r.shows("dispute_status "+c.status, "b: refund")
			r.keys("b", "ctrl+u", "500", "enter")
			r.shows(`+ charge = "`+ch+`"`, "5.00 usd of the 15.00 usd that remains")
			r.keys("enter")
			r.shows("refunded: refund re_", "amount_refunded 5.00 usd")
		})
	}
}
