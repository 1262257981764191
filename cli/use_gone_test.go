package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// QA B: using a token the API no longer knows says so and records it gone,
// instead of "is still ○ unused".
func TestUseOfAMissingTokenSaysItIsGone(t *testing.T) {
	s := newSandbox(t)
	id := s.create("card", "visa")
	if err := os.Remove(filepath.Join(s.dir, "emulator.json")); err != nil {
		t.Fatal(err) // the offline emulator forgets every token it made
	}
	r := s.expect(1, "use", id, "--customer")
	if !strings.Contains(r.out, id+" no longer exists (resource_missing)") || strings.Contains(r.out, "still") {
		t.Errorf("use of a missing token:\nstdout:\n%s\nstderr:\n%s", r.out, r.errOut)
	}
	if list := s.ok("list").out; !strings.Contains(list, "- gone") {
		t.Errorf("list does not show the token gone:\n%s", list)
	}
}
