package ui

import (
	"testing"
	"time"

	"github.com/charmbracelet/bubbles/cursor"
	"github.com/charmbracelet/bubbles/spinner"
	tea "github.com/charmbracelet/bubbletea"
)

// loop runs an App as the program does, commands in goroutines and their
// messages fed back into Update one at a time, for tests whose commands
// block (an apply's next event, a hung request). Spinner frames and cursor
// blinks are dropped.
type loop struct {
	t    testing.TB
	a    *App
	msgs chan tea.Msg
}

func newLoop(t testing.TB, a *App) *loop {
	return &loop{t: t, a: a, msgs: make(chan tea.Msg, 1024)}
}

func (l *loop) run(cmd tea.Cmd) {
	if cmd != nil {
		go func() { l.msgs <- cmd() }()
	}
}

// send gives msg to Update and runs what it starts.
func (l *loop) send(msg tea.Msg) {
	switch m := msg.(type) {
	case nil, spinner.TickMsg, cursor.BlinkMsg, tea.QuitMsg:
		return
	case tea.BatchMsg:
		for _, c := range m {
			l.run(c)
		}
		return
	}
	_, cmd := l.a.Update(msg)
	l.run(cmd)
}

// until feeds messages until done holds; other, when a message arrives
// on it, is handled by onOther.
func (l *loop) until(what string, done func() bool, other <-chan string, onOther func()) {
	l.t.Helper()
	deadline := time.After(10 * time.Second)
	for !done() {
		select {
		case m := <-l.msgs:
			l.send(m)
		case <-other:
			onOther()
		case <-deadline:
			l.t.Fatalf("no %s within 10 s:\n%s", what, l.a.View())
		}
	}
}
