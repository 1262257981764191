package ui

import (
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/tokenscope/tokenscope/ui/common"
)

// counted is a flow that counts the key messages it is given.
type counted struct {
	common.Component
	keys int
}

func (c *counted) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	if _, ok := msg.(tea.KeyMsg); ok {
		c.keys++
	}
	_, cmd := c.Component.Update(msg)
	return c, cmd
}

func (c *counted) Typing() bool { return c.Component.(typer).Typing() }

// A paste without bracketed paste (tmux paste-buffer, most SSH clients)
// arrives as runs of runes. Into a text field they go as one message
// (testui#2): split into one update per rune, each checking and drawing
// the whole form, a 20,000-character paste froze an SSH session for 30 s.
// Digits typed on the preset list move to the number field with the
// first one; the rest follow it there in one message.
func TestPasteGoesToATextFieldWhole(t *testing.T) {
	a := newApp(t, newSession(t, fixtures(t)), 80, 24)
	press(t, a, "n", "enter") // the card form, on its preset list
	c := &counted{Component: a.flow}
	a.flow = c
	sendBurst(t, a, runes("4242424242424242"))
	if c.keys != 2 {
		t.Errorf("a number typed on the preset list reached the form as %d messages, want 2 (its first digit, then the rest)", c.keys)
	}
	if v := a.View(); !strings.Contains(v, "4242 4242 4242 4242") && !strings.Contains(v, "4242424242424242") {
		t.Errorf("the number is not in its field:\n%s", v)
	}
	press(t, a, "tab", "tab", "tab", "ctrl+u") // Name
	c.keys = 0
	sendBurst(t, a, runes(strings.Repeat("A", 20000)))
	if c.keys != 1 {
		t.Errorf("a 20,000-character paste into Name reached the form as %d messages, want 1", c.keys)
	}
}
