package ui

import (
	"context"
	"runtime/debug"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/ansi"

	"github.com/tokenscope/tokenscope/model"
	"github.com/tokenscope/tokenscope/service"
)

// Messages of the shell's own commands. Every API call and state read runs
// as a tea.Cmd and comes back as one of these, so Update never blocks.
type (
	loadedMsg struct {
		tokens []model.Record
		err    error
		gen    int
	}
	refreshedMsg struct {
		id         string // "" for refresh all
		background bool
		report     model.RefreshReport
		err        error
	}
	progressMsg struct {
		done, total int
		next        tea.Cmd // waits for the next progress or the end
	}
	copiedMsg struct {
		status string
		err    bool
	}
	// stateChangedMsg: the state file changed on disk; changes tells of
	// the next change.
	stateChangedMsg struct{ changes <-chan struct{} }
	settledMsg      struct{ seq int }
)

// loadTokens reads the workspace's tokens, newest first, from the state.
func loadTokens(s *service.Session) ([]model.Record, error) {
	if s == nil {
		return nil, nil
	}
	tokens, err := s.Tokens()
	if err != nil {
		return nil, err
	}
	// Reading the workspace decodes the whole state file; the Go runtime
	// keeps that freed peak unless asked, which alone takes a
	// 10,000-token TUI past its 40 MB RSS budget. Hand it back to the OS,
	// off the render path.
	go debug.FreeOSMemory()
	return tokens, nil
}

// awaitChange waits for the state file's next change, or for the program
// to end.
func awaitChange(ctx context.Context, changes <-chan struct{}) tea.Cmd {
	return func() tea.Msg {
		select {
		case <-changes:
			return stateChangedMsg{changes: changes}
		case <-ctx.Done():
			return nil
		}
	}
}

// loadCmd reads the state off the Update loop. Reads asked for while one
// runs (a scenario's steps land faster than a large state is read) are
// one read after it.
func (a *App) loadCmd() tea.Cmd {
	if a.loading {
		a.loadAgain = true
		return nil
	}
	a.loading = true
	s, gen := a.pc.Session, a.gen
	return func() tea.Msg {
		tokens, err := loadTokens(s)
		return loadedMsg{tokens: tokens, err: err, gen: gen}
	}
}

func (a *App) loaded(msg loadedMsg) tea.Cmd {
	a.loading = false
	if msg.gen != a.gen {
		a.loadAgain = false
		return a.loadCmd() // a flow's record arrived meanwhile: read again
	}
	if msg.err != nil {
		a.showError("cannot read the state", msg.err)
		return nil
	}
	a.list.setTokens(msg.tokens)
	a.notePending()
	a.pager.reload()
	if a.loadAgain {
		a.loadAgain = false
		return a.loadCmd()
	}
	return nil
}

// startBusy counts an API call in flight and starts the spinner with the
// first one.
func (a *App) startBusy(label string) tea.Cmd {
	a.busy++
	a.busyLabel = label
	if a.busy == 1 {
		return a.spin.Tick
	}
	return nil
}

func (a *App) endBusy() { a.busy = max(a.busy-1, 0) }

// copyID puts the id on the clipboard with OSC 52, which the terminal (even
// at the far end of SSH) handles; terminals that ignore it lose nothing but
// the copy, and the status line says where else to find the id.
func (a *App) copyID(id string) tea.Cmd {
	// One status line: the id whole, the advice as long as it fits.
	done := "copied " + id + " to the clipboard (OSC 52; if your terminal ignores it, select the id in the detail pane)"
	if ansi.StringWidth(done) >= a.width {
		done = "copied " + id + " (OSC 52; nothing to paste? select it in the detail)"
	}
	return a.copyText(id, done)
}
