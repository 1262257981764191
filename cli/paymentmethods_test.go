package cli

import (
	"strings"
	"testing"
)

// A card token's PaymentMethod attaches to a customer and detaches; a
// PaymentMethod given to use is refused unsent, pointing at attach.
func TestAttachDetachCLI(t *testing.T) {
	s := newSandbox(t)
	pm := useObject(t, s.ok("use", s.create("card", "visa"), "--payment-method", "--json").out)
	cus := useObject(t, s.ok("use", s.create("card", "mastercard"), "--customer", "--json").out)
	if out := s.ok("attach", pm, "--customer", cus).out; !strings.HasPrefix(out, "attached PaymentMethod "+pm) || !strings.Contains(out, cus) {
		t.Errorf("attach:\n%s", out)
	}
	if out := s.ok("detach", pm).out; !strings.HasPrefix(out, "detached PaymentMethod "+pm) || strings.Contains(out, cus) {
		t.Errorf("detach:\n%s", out)
	}
	s.expect(1, "detach", pm)
	s.expect(2, "attach", pm)
	if r := s.expect(2, "use", "pm_card_visa", "--charge", "500"); !strings.Contains(r.errOut, "is a PaymentMethod, not a token") ||
		!strings.Contains(r.errOut, "tokenscope attach pm_card_visa --customer") {
		t.Errorf("use of a PaymentMethod:\n%s", r.errOut)
	}
}
