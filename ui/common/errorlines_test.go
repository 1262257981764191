package common

import (
	"errors"
	"io"
	"strings"
	"testing"

	"github.com/charmbracelet/lipgloss"

	"github.com/tokenscope/tokenscope/model"
)

// An error message of several lines (the state lock's, a corrupt
// state's) reads as words in the pane: its line breaks are spaces, not
// dropped, which glued "lock" and "Error" into one word.
func TestRenderErrorKeepsLineBreaksAsSpaces(t *testing.T) {
	pc := NewContext(nil, lipgloss.NewRenderer(io.Discard), io.Discard, nil)
	for _, err := range []error{
		errors.New("Error acquiring the state lock\n\nError message: lock held by another process\ntokenscope locks the state"),
		&model.Error{Type: model.TypeAPIError, Code: "state_locked", Message: "Error acquiring the state lock\n\nError message: lock held by another process\ntokenscope locks the state"},
	} {
		out := strings.Join(strings.Fields(RenderError(pc, err, 200)), " ")
		if strings.Contains(out, "lockError") || strings.Contains(out, "processtokenscope") || !strings.Contains(out, "state lock Error message: lock held by another process tokenscope locks") {
			t.Errorf("%T shown as:\n%s", err, RenderError(pc, err, 200))
		}
	}
}
