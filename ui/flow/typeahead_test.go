package flow

import (
	"testing"

	tea "github.com/charmbracelet/bubbletea"
)

// Kept keys are handled in order until one must wait: it and the keys
// after it stay kept, ahead of a key kept while they were handled; no
// more than maxTyped are kept.
func TestTypeAheadKeepsOrderAcrossAStop(t *testing.T) {
	key := func(r rune) tea.KeyMsg { return tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune{r}} }
	var ta typeAhead
	for _, r := range "abcd" {
		ta.keep(key(r))
	}
	var handled string
	update := func(msg tea.Msg) (tea.Model, tea.Cmd) {
		km := msg.(tea.KeyMsg)
		handled += km.String()
		if km.String() == "a" {
			ta.keep(key('z')) // typed while a is handled
		}
		return nil, nil
	}
	ta.drain(update, func(km tea.KeyMsg) bool { return km.String() == "c" })
	var left string
	for _, km := range ta.take() {
		left += km.String()
	}
	if handled != "ab" || left != "cdz" {
		t.Errorf("handled %q, left %q; want ab, cdz", handled, left)
	}
	for range maxTyped + 1 {
		ta.keep(key('x'))
	}
	if n := len(ta.take()); n != maxTyped {
		t.Errorf("%d keys kept, want %d", n, maxTyped)
	}
}
