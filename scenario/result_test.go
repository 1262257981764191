package scenario

import (
	"bytes"
	"strings"
	"testing"

	"github.com/tokenscope/tokenscope/model"
)

func TestSummaryNarrowsToWidth(t *testing.T) {
	r := &Result{Rows: []Row{
		{Name: "insufficient_funds", TokenID: "tok_1QxYa1Bc2dE3fG4hI5jK6lM7", Use: model.UseCharge, Status: StatusExpectedDecline, Codes: "card_declined / insufficient_funds"},
		{Name: "fresh", TokenID: "tok_1QxYa1Bc2dE3fG4hI5jK6lM8"},
	}}
	var wide, narrow bytes.Buffer
	r.Render(&wide, 0)
	r.Render(&narrow, 78)
	if !strings.Contains(wide.String(), "tok_1QxYa1Bc2dE3fG4hI5jK6lM7  charge  declined as expected  card_declined / insufficient_funds") {
		t.Errorf("wide summary:\n%s", wide.String())
	}
	if widest(narrow.String()) > 78 || !strings.Contains(narrow.String(), "declined as expected: card_declined / insufficient_funds") {
		t.Errorf("narrow summary:\n%s", narrow.String())
	}
}
