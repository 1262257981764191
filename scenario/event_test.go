package scenario

import (
	"context"
	"strings"
	"testing"
)

// A declined customer is never made, so its line has no id: it shows the
// codes instead of an empty "[id=]".
func TestDeclinedCustomerLineShowsCode(t *testing.T) {
	s := offlineSession(t)
	f := mustParse(t, `
token "lost" {
  card { preset = "lost_card" }
  use "customer" {}
}
`)
	var lines []string
	r := Apply(context.Background(), s, planFor(t, s, f, PlanOptions{}), func(e Event) { lines = append(lines, e.String()) })
	if len(r.Failed()) != 0 {
		t.Fatal(r.Failed()[0].Err)
	}
	last := lines[len(lines)-1]
	if want := "customer.lost: Declined as expected after 0s [code=card_declined / lost_card]"; last != want {
		t.Errorf("line = %q, want %q", last, want)
	}
	charge := Event{Kind: Declined, Change: planUse(f.Tokens[0], ""), ID: "ch_1", Codes: "card_declined / lost_card"}
	if got := charge.String(); !strings.HasSuffix(got, "[id=ch_1]: card_declined / lost_card") {
		t.Errorf("decline with a charge: %q", got)
	}
}
