package scenario

import (
	"bytes"
	"strings"
	"testing"
)

// A manual-capture PaymentIntent holds its money: a refund before a
// capture, or after a cancel, has nothing to refund (the emulator and
// Stripe refuse it), and the file says so before anything is sent. A
// refund after a capture is fine.
func TestRefundOfHeldMoneyIsRefused(t *testing.T) {
	manual := "  card { preset = \"visa\" }\n  use \"payment_intent\" {\n    amount         = 1000\n    capture_method = \"manual\"\n  }\n"
	for steps, want := range map[string]string{
		"  refund {}\n":              "nothing captured to refund",
		"  cancel {}\n  refund {}\n": "the cancel step before it released the authorization",
	} {
		f, diags := parse("scenario.hcl", []byte("token \"m\" {\n"+manual+steps+"}\n"), testNow)
		var buf bytes.Buffer
		_ = f.WriteDiagnostics(&buf, diags, 0)
		if !strings.Contains(buf.String(), want) {
			t.Errorf("%q: want an error saying %q:\n%s", steps, want, buf.String())
		}
	}
	mustParse(t, "token \"m\" {\n"+manual+"  capture { amount = 600 }\n  refund {}\n}\n")
}
