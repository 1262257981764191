package flow

import (
	"strings"
	"testing"

	"github.com/charmbracelet/lipgloss"
	"github.com/muesli/termenv"

	"github.com/tokenscope/tokenscope/model"
	"github.com/tokenscope/tokenscope/ui/common"
	"github.com/tokenscope/tokenscope/views"
)

// A use answered resource_missing leaves the record gone: the outcome must
// say so, not that the token is "still unused".
func TestOutcomeGoneToken(t *testing.T) {
	r := lipgloss.NewRenderer(nil)
	r.SetColorProfile(termenv.Ascii)
	st := common.NewStyles(r)
	o := views.Outcome{
		Req:   model.UseRequest{TokenID: "tok_gone", Kind: model.UseCharge, Amount: 1000, Currency: "usd"},
		After: model.Record{ID: "tok_gone", Gone: true},
	}
	line := common.StyleSegments(st, o.TokenLine())
	if !strings.Contains(line, "no longer exists") || strings.Contains(line, "unused") {
		t.Errorf("token line for a gone token: %q", line)
	}
}
