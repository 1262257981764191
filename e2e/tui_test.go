package e2e

import (
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/tokenscope/tokenscope/scenario"
	"github.com/tokenscope/tokenscope/ui/common"
)

// Screens the tests wait for. listFooter is the footer of the welcome and
// list views (the shell's home), not of the "New token" menu or a form.
const (
	welcomeText = "Welcome to tokenscope."
	listFooter  = "n new"
	plan        = "Plan: 1 to add, 0 to change, 0 to destroy."
)

var createdLine = regexp.MustCompile(`created (tok_[A-Za-z0-9]+)`)

// TestTUICreatesCardThroughPlan drives the path in a real terminal:
// welcome, n, card, preset visa, the plan (masked, sensitive CVC), apply,
// the new token unused in the list and the detail; then a wrong number in
// a custom card is refused at the field; then q restores the terminal.
func TestTUICreatesCardThroughPlan(t *testing.T) {
	t.Parallel()
	s := startTUI(t, t.TempDir(), 80, 24)
	s.waitFor("the welcome", welcomeText, "OFFLINE")

	s.keys("n")
	s.waitFor("the new token menu", "New token", "› card")
	s.keys("Enter")
	s.waitFor("the card form on the visa preset", "New card token", "› visa", "4242 4242 4242 4242")
	s.keys("Enter")
	scr := s.waitFor("the plan", plan)
	for _, want := range []string{"+ token", "•••• •••• •••• 4242", "(sensitive)", "(known after apply)", "POST /v1/tokens"} {
		if !strings.Contains(scr, want) {
			t.Errorf("plan does not show %q:\n%s", want, scr)
		}
	}
	if strings.Contains(scr, "4242 4242 4242 4242") || strings.Contains(scr, "4242424242424242") {
		t.Errorf("plan shows the whole card number:\n%s", scr)
	}

	// A person reads the plan: an enter sooner than this after it opened
	// is taken as typed ahead, and does not apply it.
	time.Sleep(common.DefaultPlanSettle)
	s.keys("Enter")
	scr = s.waitUntil("the created token in the list", createdLine.MatchString)
	id := createdLine.FindStringSubmatch(scr)[1]
	if !regexp.MustCompile(`› ` + id + ` +card +○ unused`).MatchString(scr) {
		t.Errorf("list does not show %s selected and ○ unused:\n%s", id, scr)
	}
	s.keys("Enter")
	s.waitFor("the detail of "+id, id, "○ no", "•••• •••• •••• 4242")
	s.keys("Escape")
	s.waitFor("the list again", listFooter, id)

	// A custom card with a number that fails the Luhn check: the form says
	// so at the number field and keeps the person there.
	s.keys("n")
	s.waitFor("the new token menu", "New token", "› card")
	s.keys("Enter")
	s.waitFor("the card form", "New card token", "› visa")
	s.keys("End")
	s.waitFor("the custom preset", "› custom")
	s.keys("Tab")
	s.waitFor("the number field focused", "┃ Number")
	s.keys("C-u")
	s.waitUntil("the number field cleared", func(scr string) bool { return !strings.Contains(scr, "4242 4242 4242 4242") })
	s.keys("4242424242424241")
	s.waitFor("the number typed", "4242424242424241")
	s.keys("Tab")
	scr = s.waitFor("incorrect_number at the number field", "number: incorrect_number")
	if !strings.Contains(scr, "┃ Number     4242424242424241") {
		t.Errorf("focus left the wrong number field (or the number is not as typed):\n%s", scr)
	}

	for range 3 { // form -> menu -> list; each waited for, so no esc+q alt chord
		if strings.Contains(s.screen(), listFooter) {
			break
		}
		s.keys("Escape")
		s.waitUntil("esc to go back", func(scr string) bool { return !strings.Contains(scr, "New card token") })
	}
	s.waitFor("the list", listFooter)
	quitRestores(t, s)
}

// quitRestores presses q and checks the process exits 0 and the terminal is
// as it was: main screen, cursor visible, no TUI left on it.
func quitRestores(t *testing.T, s *tui) {
	t.Helper()
	s.keys("q")
	scr := s.waitFor("the exit code", "EXIT=")
	if !strings.Contains(scr, "EXIT=0") {
		t.Fatalf("tokenscope did not exit 0:\n%s", scr)
	}
	if strings.Contains(scr, "tokenscope ─") {
		t.Errorf("the TUI is still on the screen after quitting:\n%s", scr)
	}
	if got := s.display("#{alternate_on} #{cursor_flag}"); got != "0 1" {
		t.Errorf("after quitting: alternate screen and cursor visible = %q, want \"0 1\"", got)
	}
}

// TestTUINoColor: with NO_COLOR the screen carries no colour at all, and
// the selection is still visible as a glyph. The same screen without
// NO_COLOR must have colour, or the check would prove nothing.
func TestTUINoColor(t *testing.T) {
	t.Parallel()
	for _, noColor := range []bool{false, true} {
		var env []string
		if noColor {
			env = []string{"NO_COLOR=1"}
		}
		s := startTUI(t, t.TempDir(), 80, 24, env...)
		s.waitFor("the welcome", welcomeText)
		s.keys("n")
		s.waitFor("the new token menu", "New token", "› card")
		scr := s.ansiScreen()
		switch seq := colourSGR(scr); {
		case noColor && seq != "":
			t.Errorf("NO_COLOR=1: the screen sets a colour with %s:\n%q", seq, scr)
		case !noColor && seq == "":
			t.Errorf("without NO_COLOR the screen has no colour; the NO_COLOR check proves nothing:\n%q", scr)
		}
	}
}

// TestTUIResize: shrinking the window to 40x12 and growing it back keeps
// the app drawing and answering keys.
func TestTUIResize(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	if r := run(t, dir, "create", "card", "--preset", "visa"); r.code != 0 {
		t.Fatalf("create: exit %d\n%s", r.code, r.stderr)
	}
	s := startTUI(t, dir, 80, 24)
	s.waitFor("the list at 80x24", "1 token · 0 used", "○ unused")

	s.tmux("resize-window", "-t", "0", "-x", "40", "-y", "12")
	s.waitUntil("the list redrawn at 40 columns", func(scr string) bool {
		lines := strings.Split(strings.TrimRight(scr, "\n"), "\n")
		return len(lines) <= 12 && strings.Contains(scr, "tok_") && !strings.Contains(scr, "1 token · 0 used")
	})
	s.keys("?")
	s.waitFor("help at 40x12", "Keys")
	s.keys("Escape")
	s.waitUntil("help closed at 40x12", func(scr string) bool { return strings.Contains(scr, "tok_") && !strings.Contains(scr, "Keys") })

	s.tmux("resize-window", "-t", "0", "-x", "80", "-y", "24")
	s.waitFor("the full header again at 80x24", "1 token · 0 used · ? help")
	s.keys("n")
	s.waitFor("the new token menu at 80x24", "New token", "› card")
	s.keys("Escape")
	s.waitFor("the list again", listFooter, "○ unused")
	quitRestores(t, s)
}

// TestTUIKeysSentTogether: keys sent in one write (as fast typing arrives
// over SSH) are all handled in menus, selects and forms, not only in the
// list.
func TestTUIKeysSentTogether(t *testing.T) {
	t.Parallel()
	s := startTUI(t, t.TempDir(), 80, 24)
	s.waitFor("the welcome", welcomeText)
	s.keys("n")
	s.waitFor("the new token menu", "New token", "› card")
	s.keys("jj")
	s.waitFor("jj: two rows down in the menu", "› PII")
	s.keys("kk", "Enter")
	s.waitFor("the card form", "New card token", "› visa")
	s.keys("jj")
	s.waitFor("jj: two rows down in the preset select", "› mastercard ")
	s.keys("Escape", "Escape")
	s.waitFor("two Escapes: back to the welcome", welcomeText, listFooter)
	s.keys("s")
	s.waitFor("the scenario picker", "› pack:3ds")
	s.keys("jj")
	s.waitFor("jj: two rows down in the picker", "› "+scenario.Packs()[2]+" ")
	s.keys("Escape", "q")
	s.waitFor("esc q: the picker closed and the program quit", "EXIT=0")
}
