package ui

import (
	"context"
	"time"

	tea "github.com/charmbracelet/bubbletea"
)

// StatusMsg puts a line in the status line from outside the program, for
// what the user should know about the terminal itself (an SSH server
// drawing in less than the size the client asked for).
type StatusMsg string

// noticeMsg is a notice of the service (Options.Notices); ch tells the
// next.
type noticeMsg struct {
	text string
	ch   <-chan string
}

// awaitNotice waits for the service's next notice, or for the program to
// end; nil when there are none to wait for.
func awaitNotice(ctx context.Context, ch <-chan string) tea.Cmd {
	if ch == nil {
		return nil
	}
	return func() tea.Msg {
		select {
		case text := <-ch:
			return noticeMsg{text: text, ch: ch}
		case <-ctx.Done():
			return nil
		}
	}
}

// statusTTL is how long a status line stays: long enough to read an id
// whole, short enough that "copied tok_…" does not still speak minutes
// later of a token no longer selected.
const statusTTL = 6 * time.Second

// statusExpiredMsg ends the status line numbered seq. A later line has
// its own number: an old tick does not clear it.
type statusExpiredMsg struct{ seq int }

// status is the line under the body: the text, and whether it is an
// error, which stays until the next key so it cannot go unread.
type status struct {
	text string
	err  bool
	seq  int  // numbers each line set, so that its expiry is its own
	tick bool // a line was set since the last Update: its expiry is due
	// kept: the line tells of an interrupted request sent again
	// (recovery.go); a line set before the next key goes before it, not
	// in its place (the write that sent it says what it made next).
	kept bool
}

// setStatus shows text (an empty one clears the line); it expires after
// statusTTL.
func (a *App) setStatus(text string) { a.putStatus(text, false) }

// setError shows text as an error: it stays until the next key.
func (a *App) setError(text string) { a.putStatus(text, true) }

func (a *App) putStatus(text string, isErr bool) {
	if a.status.kept && text != "" {
		text, isErr = text+" · "+a.status.text, true
	} else {
		a.status.kept = false
	}
	a.status.seq++
	a.status.text, a.status.err, a.status.tick = text, isErr, text != "" && !isErr
}

// statusExpiry is the tick that ends the line just set, if one was.
func (a *App) statusExpiry() tea.Cmd {
	if !a.status.tick {
		return nil
	}
	a.status.tick = false
	return a.after(statusTTL, statusExpiredMsg{seq: a.status.seq})
}

// expire clears the line msg was for, unless another was set since, it is
// an error (a key clears it) or the quit question, which waits for its
// answer.
func (a *App) expire(msg statusExpiredMsg) {
	if msg.seq == a.status.seq && !a.status.err && !a.confirmQuit {
		a.setStatus("")
	}
}

// tick sends msg once d has passed: App.after, which tests replace.
func tick(d time.Duration, msg tea.Msg) tea.Cmd {
	return tea.Tick(d, func(time.Time) tea.Msg { return msg })
}
