package cli

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// A token the state cannot record (here the state's first write succeeds
// and the second cannot put its backup in place, as on a full disk) is
// still printed, with --json as the one document on stdout, and the error
// says it was made and how it is recovered; the next write records it.
func TestUnrecordedCreatePrintsTheToken(t *testing.T) {
	s := newSandbox(t)
	obstacle := filepath.Join(s.dir, "state.json.backup")
	if err := os.MkdirAll(obstacle, 0o700); err != nil {
		t.Fatal(err)
	}
	r := s.expect(ExitRefused, "create", "card", "--preset", "visa", "--json")
	var tok struct{ ID string }
	dec := json.NewDecoder(strings.NewReader(r.out))
	if err := dec.Decode(&tok); err != nil || tok.ID == "" || dec.More() {
		t.Fatalf("stdout is not one token: %v\n%s", err, r.out)
	}
	for _, want := range []string{tok.ID + " was made, but the state could not record it", "Idempotency-Key tokenscope-", "sends it again with that key"} {
		if !strings.Contains(r.errOut, want) {
			t.Errorf("stderr does not say %q:\n%s", want, r.errOut)
		}
	}
	if list := s.ok("list"); !strings.Contains(list.errOut, "note: pending request create card visa •••• 4242") {
		t.Errorf("list does not note the pending request:\n%s", list.errOut)
	}
	os.Remove(obstacle)
	r = s.ok("refresh")
	if !strings.Contains(r.errOut, tok.ID+" is now in the state") {
		t.Errorf("refresh did not say it recovered %s:\n%s", tok.ID, r.errOut)
	}
	if list := s.ok("list"); !strings.Contains(list.out, tok.ID) {
		t.Errorf("%s is not listed:\n%s", tok.ID, list.out)
	}
}
