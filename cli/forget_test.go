package cli

import (
	"strings"
	"testing"
)

// "forget", the TUI's word for state rm, points at state.
func TestForgetSuggestsState(t *testing.T) {
	r := newSandbox(t).expect(2, "forget", "tok_x")
	if !strings.Contains(r.errOut, "Did you mean this?") || !strings.Contains(r.errOut, "state") {
		t.Errorf("stderr:\n%s", r.errOut)
	}
}
