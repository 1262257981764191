package scenario

import (
	"strings"
	"testing"

	"github.com/tokenscope/tokenscope/model"
)

// A number an amount cannot hold is refused with words the card-number
// mask leaves as they are (cty's int64 bounds were printed as ••••5807).
func TestAmountOutOfRangeSurvivesTheMask(t *testing.T) {
	for _, amount := range []string{"1e30", "1.5"} {
		for _, src := range []string{
			"token \"d\" {\n card { preset = \"visa\" }\n use \"charge\" { amount = " + amount + " }\n}\n",
			"token \"d\" {\n card { preset = \"visa\" }\n use \"payment_intent\" {\n amount = 100\n capture_method = \"manual\"\n }\n capture { amount = " + amount + " }\n}\n",
		} {
			_, diags := Parse("d.hcl", []byte(src))
			if !diags.HasErrors() {
				t.Fatalf("amount = %s accepted", amount)
			}
			text := diags.Error()
			if !strings.Contains(text, "whole number of at most 18 digits") || model.MaskSecrets(text) != text {
				t.Errorf("amount = %s: %s\nmasked: %s", amount, text, model.MaskSecrets(text))
			}
		}
	}
}
