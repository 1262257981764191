package views

import (
	"strings"
	"testing"

	"github.com/tokenscope/tokenscope/model"
)

// The note counts what waits and what needs the user, in one line.
func TestPendingNote(t *testing.T) {
	if got := PendingNote(nil); got != "" {
		t.Errorf("nothing pending: %q", got)
	}
	got := PendingNote([]model.Pending{{Key: "a"}, {Key: "b"}, {Key: "c", Unresolved: "old"}})
	for _, want := range []string{"2 interrupted requests waiting", "1 interrupted request could not be sent again", "state rm"} {
		if !strings.Contains(got, want) {
			t.Errorf("%q lacks %q", got, want)
		}
	}
	if strings.Contains(got, "\n") {
		t.Errorf("not one line: %q", got)
	}
}
