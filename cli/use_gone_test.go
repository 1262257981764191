package cli

import (
	"os"
	"strings"
	"testing"

	"github.com/tokenscope/tokenscope/emulator"
)

// QA B: using a token the API no longer knows says so and records it gone,
// instead of "is still ○ unused".
func TestUseOfAMissingTokenSaysItIsGone(t *testing.T) {
	s := newSandbox(t)
	id := s.create("card", "visa")
	// The offline emulator forgets every token it made.
	files, err := emulator.Files(s.dir)
	if err != nil || len(files) == 0 {
		t.Fatalf("the emulator's files: %v %v", files, err)
	}
	for _, f := range files {
		if err := os.Remove(f); err != nil {
			t.Fatal(err)
		}
	}
	r := s.expect(1, "use", id, "--customer")
	if !strings.Contains(r.out, id+" no longer exists (resource_missing)") || strings.Contains(r.out, "still") {
		t.Errorf("use of a missing token:\nstdout:\n%s\nstderr:\n%s", r.out, r.errOut)
	}
	if list := s.ok("list").out; !strings.Contains(list, "- gone") {
		t.Errorf("list does not show the token gone:\n%s", list)
	}
}
