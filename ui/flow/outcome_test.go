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

// The outcome's ids go under the headline when they do not fit beside
// it, and each on a line of its own when they do not fit together: at 80
// columns "· req_5XnKqswR2zl…" was cut though it fits.
func TestOutcomeHeaderKeepsIDsWhole(t *testing.T) {
	r := lipgloss.NewRenderer(nil)
	r.SetColorProfile(termenv.Ascii)
	st := common.NewStyles(r)
	const pi, req = "pi_V4KvQ2mN8xLw3RtY6uZ1aB9c", "req_5XnKqswR2zlQ7a"
	o := views.Outcome{
		Req: model.UseRequest{TokenID: "tok_threeds", Kind: model.UsePaymentIntent, Amount: 2000, Currency: "usd"},
		Use: model.Use{Kind: model.UsePaymentIntent, ObjectID: pi, RequestID: req, Status: "requires_payment_method"},
	}
	for _, w := range []int{79, 40} {
		lines := strings.Split(renderOutcome(st, o, w), "\n")
		got := strings.Join(lines, "\n")
		if !strings.Contains(got, pi) || !strings.Contains(got, req) {
			t.Errorf("at %d columns an id is not whole:\n%s", w, got)
		}
		for _, l := range lines {
			if lipgloss.Width(l) > w {
				t.Errorf("at %d columns a line is %d wide: %q", w, lipgloss.Width(l), l)
			}
		}
	}
	lines := strings.Split(renderOutcome(st, o, 20), "\n")
	if lines[1] != "  pi_V4KvQ2mN8xLw3R…" || lines[2] != "  req_5XnKqswR2zlQ7a" {
		t.Errorf("at 20 columns the ids are not each on a line, cut with … only where wider:\n%s", strings.Join(lines, "\n"))
	}
}
