package scenario

import (
	"bytes"
	"strings"
	"testing"
)

// A mistake a step's author makes often gets a message that says what
// was meant: a step written alone on its line is a block, and evidence
// a letter away from a test word is a typo, not evidence.
func TestStepTyposSayWhatWasMeant(t *testing.T) {
	for _, c := range []struct{ src, want string }{
		{"token \"a\" {\n  card { preset = \"visa\" }\n  use \"charge\" { amount = 1000 }\n  capture\n}\n", "write capture {}"},
		{"token \"a\" {\n  card { preset = \"dispute_fraudulent\" }\n  use \"charge\" { amount = 1000 }\n  dispute { evidence = \"winning_evidnce\" }\n}\n", `Did you mean "winning_evidence"?`},
	} {
		f, diags := parse("scenario.hcl", []byte(c.src), testNow)
		var buf bytes.Buffer
		_ = f.WriteDiagnostics(&buf, diags, 0)
		if !diags.HasErrors() || !strings.Contains(buf.String(), c.want) {
			t.Errorf("want an error saying %q:\n%s", c.want, buf.String())
		}
	}
	// Evidence in words of one's own is evidence: the dispute stays
	// under review, as at Stripe.
	mustParse(t, "token \"a\" {\n  card { preset = \"dispute_fraudulent\" }\n  use \"charge\" { amount = 1000 }\n  dispute { evidence = \"the customer signed for it\" }\n}\n")
}
