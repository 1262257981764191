package ui

import (
	"encoding/base64"
	"strings"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"
)

// y on a token whose detail shows other ids opens a picker of them all,
// whole, and enter copies the one chosen with OSC 52; esc closes it.
func TestCopyPickerOffersEveryID(t *testing.T) {
	var out strings.Builder
	a := New(Options{Session: newSession(t, fixtures(t)), Renderer: asciiRenderer(), Now: fixedNow, Output: &out, Width: 80, Height: 24}).(*App)
	a.after = func(time.Duration, tea.Msg) tea.Cmd { return nil }
	press(t, a, "j", "y") // the declined card: charged once
	v := a.View()
	for _, want := range []string{"Copy which id?", "token", "tok_1QxYa1BcDeFgHiJkLmNoPqRs", "charge", "ch_3QxYg7HiJkLmNoPqRsTu",
		"card_1QxYa1BcDeFgHiJkLmNoPq", "req_8kQ2xR4vT1mZ", "enter copy"} {
		if !strings.Contains(v, want) {
			t.Errorf("the picker lacks %q:\n%s", want, v)
		}
	}
	press(t, a, "j", "enter")
	if want := "\x1b]52;c;" + base64.StdEncoding.EncodeToString([]byte("ch_3QxYg7HiJkLmNoPqRsTu")) + "\a"; !strings.Contains(out.String(), want) {
		t.Fatalf("the charge's id was not copied: %q", out.String())
	}
	if a.picker != nil || !strings.HasPrefix(a.status.text, "copied ch_3QxYg7HiJkLmNoPqRsTu") {
		t.Fatalf("picker open %v, status %q", a.picker != nil, a.status.text)
	}
	press(t, a, "y", "esc")
	if a.picker != nil || strings.Contains(a.View(), "Copy which id?") {
		t.Fatal("esc did not close the picker")
	}
}
