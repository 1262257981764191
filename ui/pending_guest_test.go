package ui

import (
	"strings"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/tokenscope/tokenscope/model"
	"github.com/tokenscope/tokenscope/service"
)

// A guest of serve is told at start what a killed tokenscope left
// pending with the keys that send it again, not `tokenscope refresh`;
// and of one that could not be sent again, to ask the server's user,
// not the commands and Dashboard steps only they can use.
func TestPendingForGuest(t *testing.T) {
	dir, api := killedWithPending(t)
	a := New(Options{Session: sessionIn(t, dir, api, nil), Renderer: asciiRenderer(), Now: fixedNow, Width: 80, Height: 24, Guest: true}).(*App)
	a.after = func(time.Duration, tea.Msg) tea.Cmd { return nil }
	flat := strings.Join(strings.Fields(a.View()), " ")
	if !strings.Contains(flat, "by the next write (n, u or R)") || strings.Contains(flat, "tokenscope refresh") {
		t.Errorf("the guest's note at start:\n%s", a.View())
	}
	r := service.Recovery{Pending: model.Pending{Key: "k", Summary: "create card visa •••• 4242", Unresolved: "its answer was lost"}}
	if got := recoveryStatus(r, true); strings.Contains(got, "tokenscope get") || strings.Contains(got, "state rm") || !strings.Contains(got, "ask whoever runs tokenscope serve") {
		t.Errorf("the guest's recovery: %q", got)
	}
	if got := recoveryStatus(r, false); !strings.Contains(got, "tokenscope state rm k") {
		t.Errorf("the local recovery: %q", got)
	}
}
