package scenario

import (
	"strings"
	"testing"
)

// A decline with a charge names it, then the codes.
func TestDeclinedLineShowsCharge(t *testing.T) {
	f := mustParse(t, `
token "lost" {
  card { preset = "lost_card" }
  use "customer" {}
}
`)
	charge := Event{Kind: Declined, Change: planUse(f.Tokens[0], ""), ID: "ch_1", Codes: "card_declined / lost_card"}
	if got := charge.String(); !strings.HasSuffix(got, "[id=ch_1]: card_declined / lost_card") {
		t.Errorf("decline with a charge: %q", got)
	}
}
