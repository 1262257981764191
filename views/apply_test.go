package views

import (
	"bytes"
	"strings"
	"testing"

	"github.com/tokenscope/tokenscope/model"
)

// A decline with a charge names it, then the codes; a refused customer,
// never made, shows its codes in place of an id. Both are changes the
// test card was expected to make, an error is a failure.
func TestApplyStepLines(t *testing.T) {
	use := model.PlanUse("lost", model.UseRequest{Kind: model.UseCustomer})
	charge := ApplyStep(model.ApplyEvent{Kind: model.ApplyDeclined, Change: use, ID: "ch_1", Codes: "card_declined / lost_card"})
	if !strings.HasSuffix(charge.Text, "[id=ch_1]: card_declined / lost_card") || charge.Kind != Change {
		t.Errorf("decline with a charge: %+v", charge)
	}
	refused := ApplyStep(model.ApplyEvent{Kind: model.ApplyDeclined, Change: use, Codes: "card_declined / lost_card"})
	if refused.Text != "customer.lost: Declined as expected after 0s [code=card_declined / lost_card]" {
		t.Errorf("refused customer: %q", refused.Text)
	}
	if failed := ApplyStep(model.ApplyEvent{Kind: model.ApplyErrored, Change: use}); failed.Kind != Failed || failed.Lead != GlyphError+" " {
		t.Errorf("errored: %+v", failed)
	}
}

func TestApplySummaryNarrowsToWidth(t *testing.T) {
	r := &model.ApplyResult{Rows: []model.ApplyRow{
		{Name: "insufficient_funds", TokenID: "tok_1QxYa1Bc2dE3fG4hI5jK6lM7", Use: model.UseCharge, Status: model.StatusExpectedDecline, Codes: "card_declined / insufficient_funds"},
		{Name: "fresh", TokenID: "tok_1QxYa1Bc2dE3fG4hI5jK6lM8"},
	}}
	var wide, narrow bytes.Buffer
	_ = WriteApplySummary(&wide, r, 0)
	_ = WriteApplySummary(&narrow, r, 78)
	if !strings.Contains(wide.String(), "tok_1QxYa1Bc2dE3fG4hI5jK6lM7  charge  declined as expected  card_declined / insufficient_funds") {
		t.Errorf("wide summary:\n%s", wide.String())
	}
	if widest(narrow.String()) > 78 || !strings.Contains(narrow.String(), "declined as expected: card_declined / insufficient_funds") {
		t.Errorf("narrow summary:\n%s", narrow.String())
	}
	// A line still too wide wraps under the OUTCOME column, nothing cut.
	r.Rows = append(r.Rows, model.ApplyRow{Name: "card_velocity_exceeded", TokenID: "tok_1QxYa1Bc2dE3fG4hI5jK6lM9", Use: model.UseCharge,
		Status: model.StatusExpectedDecline, Codes: "card_declined / card_velocity_exceeded"})
	narrow.Reset()
	_ = WriteApplySummary(&narrow, r, 78)
	if widest(narrow.String()) > 78 || !strings.Contains(narrow.String(), "card_velocity_exceeded  declined as expected: card_declined /\n                        card_velocity_exceeded") {
		t.Errorf("the long outcome is not wrapped under its column:\n%s", narrow.String())
	}
}

// A row whose use succeeded and whose later step failed says so: "failed"
// alone read as if the charge itself had.
func TestApplyOutcomeOfAFailedStep(t *testing.T) {
	err := &model.Error{Type: "invalid_request_error", Code: "amount_too_large"}
	row := model.ApplyRow{Name: "r", TokenID: "tok_1", Use: model.UseCharge, Status: "refund: succeeded", Err: err, FailedAt: "refund.r[1]"}
	if got := ApplyOutcome(row); got != "refund: succeeded, then refund.r[1] failed" {
		t.Errorf("outcome %q", got)
	}
	row.FailedAt = ""
	if got := ApplyOutcome(row); got != "failed" {
		t.Errorf("a failed use: %q", got)
	}
}
