package ui

import (
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"
)

// Typing in the preset list filters it, a burst of keys as much as keys
// one by one; two Escapes read together clear the filter and then leave
// the form.
func TestBurstFiltersThePresets(t *testing.T) {
	a := newApp(t, newSession(t, fixtures(t)), 80, 24)
	press(t, a, "n", "enter")
	sendBurst(t, a, runes("insuf"))
	if v := a.View(); !strings.Contains(v, "/insuf") || !strings.Contains(v, "› insufficient_funds") || strings.Contains(v, "visa") {
		t.Fatalf("insuf in one read did not filter the presets:\n%s", v)
	}
	sendBurst(t, a, tea.KeyMsg{Type: tea.KeyEsc, Alt: true})
	if v := a.View(); a.flow == nil || !strings.Contains(v, "› card ") {
		t.Fatalf("two Escapes after a filter: want the filter cleared and the chooser:\n%s", v)
	}
}
