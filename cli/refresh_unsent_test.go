package cli

import (
	"strings"
	"testing"
)

// A refresh that sends a pending request again and gets no answer (the
// API cannot be reached) exits 3, with a diagnostic line under --json; it
// exited 0 with "Refreshed 0 tokens" when the state held no token.
func TestRefreshFailsWhenPendingRequestsGetNoAnswer(t *testing.T) {
	s := newSandbox(t)
	const down = "http://127.0.0.1:1" // nothing listens: connection refused
	s.expect(3, "--api-base", down, "create", "card", "--preset", "visa")
	r := s.expect(3, "--api-base", down, "refresh", "--json")
	if !strings.Contains(r.out, `"type":"diagnostic"`) || !strings.Contains(r.out, "send again tokenscope-") {
		t.Errorf("no diagnostic for the request sent again:\n%s", r.out)
	}
}
