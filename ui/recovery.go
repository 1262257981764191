package ui

import (
	"context"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/tokenscope/tokenscope/service"
	"github.com/tokenscope/tokenscope/ui/common"
	"github.com/tokenscope/tokenscope/views"
)

// The TUI says in its status line what a killed tokenscope left pending
// (write-ahead records, service/writeahead.go): at start, how many wait
// and how many need the user; later, what each write that sent one again
// made of it.

// notePending names in the status line, once, after the first load,
// what that load found pending (Session.SeenPending: no second decode).
func (a *App) notePending() {
	if a.pendingNoted || a.pc.Session == nil {
		return
	}
	a.pendingNoted = true
	say := views.PendingNote
	if a.pc.Guest {
		say = views.PendingNoteForGuest
	}
	if note := say(a.pc.Session.SeenPending()); note != "" {
		a.setError(views.Clean(note)) // stays until a key: not to be missed
	}
}

// watchRecoveries takes the session's recoveries from Config.OnRecover,
// whose stderr line would tear the screen, and turns each into a
// StatusMsg. A recovery is heard on the goroutine of the write that sent
// it; the channel hands it to the program, dropping what a full buffer
// cannot take rather than hold the write (and its state lock).
func watchRecoveries(ctx context.Context, s *service.Session, guest bool) tea.Cmd {
	ch := make(chan service.Recovery, 16)
	s.OnRecover(func(r service.Recovery) {
		select {
		case ch <- r:
		default:
		}
	})
	go func() { <-ctx.Done(); s.OnRecover(nil) }()
	return awaitRecovery(ctx, ch, guest)
}

// awaitRecovery waits for the next recovery. Its message is a BatchMsg,
// which bubbletea runs as commands: the status line and the next wait,
// with no case of its own in Update.
func awaitRecovery(ctx context.Context, ch <-chan service.Recovery, guest bool) tea.Cmd {
	return func() tea.Msg {
		select {
		case r := <-ch:
			return tea.BatchMsg{
				func() tea.Msg { return recoveredMsg(recoveryStatus(r, guest)) },
				awaitRecovery(ctx, ch, guest),
			}
		case <-ctx.Done():
			return nil
		}
	}
}

// recoveryStatus is a recovery in the status line: Recovery.Brief, which
// fits the rows the line wraps to where Recovery.Text was cut at 80
// columns. A guest of serve is not given the server-side steps for one
// that was not sent again.
func recoveryStatus(r service.Recovery, guest bool) string {
	switch {
	case r.ID != "" && r.Err == nil:
		return views.Clean(r.Brief())
	case guest && r.Pending.Unresolved != "":
		return common.GlyphError + " " + views.UnresolvedForGuest(r.Pending.Summary)
	}
	return common.GlyphError + " " + views.Clean(r.Brief())
}

// recoveredMsg is a recovery's status line.
type recoveredMsg string

// putRecovery shows a recovery until the next key, what is said after it
// before it (status.kept): the create that sent it says "created …" at
// once, which took its place.
func (a *App) putRecovery(text string) {
	a.putStatus(text, true)
	a.status.kept = true
}
