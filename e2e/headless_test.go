package e2e

import (
	"encoding/json"
	"strings"
	"testing"
)

// TestHeadlessDeclineThenAlreadyUsed is the using-tokens issue's "done
// means", through the binary: a declined charge still consumes the token,
// the API says so, and a second use is refused with token_already_used.
func TestHeadlessDeclineThenAlreadyUsed(t *testing.T) {
	dir := t.TempDir()

	created := run(t, dir, "create", "card", "--preset", "insufficient_funds", "--json")
	if created.code != 0 {
		t.Fatalf("create: exit %d\n%s", created.code, created.stderr)
	}
	var tok struct {
		ID     string `json:"id"`
		Object string `json:"object"`
		Used   bool   `json:"used"`
		Card   struct {
			Last4 string `json:"last4"`
		} `json:"card"`
	}
	if err := json.Unmarshal([]byte(created.stdout), &tok); err != nil {
		t.Fatalf("create --json is not one JSON document: %v\n%s", err, created.stdout)
	}
	if !strings.HasPrefix(tok.ID, "tok_") || tok.Object != "token" || tok.Used || tok.Card.Last4 != "9995" {
		t.Fatalf("create --json: want an unused token for •••• 9995, got %+v", tok)
	}

	use := run(t, dir, "use", tok.ID, "--charge", "1000")
	if use.code != 1 {
		t.Fatalf("use of insufficient_funds: want exit 1 (the API refused), got %d\nstdout: %s\nstderr: %s", use.code, use.stdout, use.stderr)
	}
	for _, want := range []string{"card_declined", "insufficient_funds"} {
		if !strings.Contains(use.stderr, want) {
			t.Errorf("use: stderr does not name %s:\n%s", want, use.stderr)
		}
	}

	got := run(t, dir, "get", tok.ID, "--json")
	if got.code != 0 {
		t.Fatalf("get: exit %d\n%s", got.code, got.stderr)
	}
	var after struct {
		ID   string `json:"id"`
		Used bool   `json:"used"`
	}
	if err := json.Unmarshal([]byte(got.stdout), &after); err != nil {
		t.Fatalf("get --json: %v\n%s", err, got.stdout)
	}
	if after.ID != tok.ID || !after.Used {
		t.Fatalf("get after a declined charge: want %s used true, got %+v", tok.ID, after)
	}

	again := run(t, dir, "use", tok.ID, "--charge", "1000")
	if again.code != 1 || !strings.Contains(again.stderr, "token_already_used") {
		t.Fatalf("second use: want exit 1 naming token_already_used, got %d\n%s", again.code, again.stderr)
	}
}
