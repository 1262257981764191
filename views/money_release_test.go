package views

import (
	"strings"
	"testing"
	"time"

	"github.com/tokenscope/tokenscope/model"
)

// A refund that released an uncaptured charge (its destination is a
// reversal) says "released" wherever it is shown: the CLI's line and the
// refund's headline (the TUI's result line and pane header); a refund of
// captured money still says "refunded".
func TestARefundThatReleasesSaysReleased(t *testing.T) {
	for _, c := range []struct{ dest, verb string }{{"reversal", "released"}, {"refund", "refunded"}} {
		raw := `{"id":"re_Ab1","object":"refund","amount":3000,"currency":"usd","charge":"ch_Ab1","status":"succeeded",` +
			`"destination_details":{"type":"card","card":{"type":"` + c.dest + `"}}}`
		re, err := model.NewObject([]byte(raw), "", time.Time{})
		if err != nil {
			t.Fatal(err)
		}
		var b strings.Builder
		if err := (Refunded{Of: "ch_Ab1", Refund: re}).WriteText(&b); err != nil {
			t.Fatal(err)
		}
		if want := c.verb + " ch_Ab1 30.00 usd: re_Ab1 (succeeded)"; !strings.Contains(b.String(), want) {
			t.Errorf("CLI line %q, want %q", b.String(), want)
		}
		if got, want := NewObject(re).Headline(""), "30.00 usd "+c.verb; !strings.Contains(got, want) {
			t.Errorf("headline %q, want %q", got, want)
		}
	}
}

// A scenario's refund step that released an authorization is recorded
// as released, so apply's OUTCOME says "refund: released", not
// "refund: succeeded"; a refund of captured money still succeeded.
func TestARefundStepThatReleasesIsReleased(t *testing.T) {
	for _, c := range []struct{ dest, want string }{{"reversal", "refund: released"}, {"refund", "refund: succeeded"}} {
		re, err := model.NewObject([]byte(`{"id":"re_Ab1","object":"refund","amount":3000,"currency":"usd","status":"succeeded",`+
			`"destination_details":{"type":"card","card":{"type":"`+c.dest+`"}}}`), "", time.Time{})
		if err != nil {
			t.Fatal(err)
		}
		done := model.StepRequest{Kind: model.StepRefund}.Done(re)
		if got := ApplyOutcome(model.ApplyRow{Use: model.UseAuthorize, TokenID: "tok_1", Status: model.StepOutcome(done)}); got != c.want {
			t.Errorf("outcome %q, want %q", got, c.want)
		}
	}
}
