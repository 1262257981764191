package common

import (
	"errors"
	"io"
	"strings"
	"testing"

	"github.com/charmbracelet/lipgloss"

	"github.com/tokenscope/tokenscope/model"
)

// A guest's error pane tells the server once of a fault of its files,
// masked and on one line, and nothing of the guest's own refusals.
func TestGuestFaultIsToldOnce(t *testing.T) {
	pc := NewContext(nil, lipgloss.NewRenderer(io.Discard), io.Discard, nil)
	pc.Guest = true
	var told []string
	pc.OnGuestFault = func(code, message string) { told = append(told, code+" "+message) }
	full := model.Fault(model.CodeDiskFull, errors.New("write /srv/ts/state.json:\n\x1b[31mno space 4242424242424242"))
	for range 3 { // drawn on every frame
		RenderError(pc, full, 80)
		ErrorLine(pc, full)
	}
	RenderError(pc, &model.Error{Type: model.TypeCardError, Code: "card_declined", Message: "Your card was declined."}, 80)
	if len(told) != 1 {
		t.Fatalf("told %d times: %q", len(told), told)
	}
	if want := "disk_full write /srv/ts/state.json: [31mno space ••••4242"; told[0] != want {
		t.Errorf("told %q, want %q", told[0], want)
	}
	if strings.Contains(RenderError(pc, full, 80), "/srv/ts") {
		t.Error("the guest is shown the server's path")
	}
}
