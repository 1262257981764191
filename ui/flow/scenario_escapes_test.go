package flow

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode"
)

// A scenario file's header comment and name reach the picker, the plan's
// title and the status line printable (testui#1): a file passed around
// must not paint over the TUI. The header's CSI moved the cursor to row 3
// and wrote there; the name's SGR turned on reverse video.
func TestScenarioPickerShowsFileTextWithoutEscapes(t *testing.T) {
	dir := t.TempDir()
	files := map[string]string{
		"evil3.hcl":                     "# Move \x1b[3;40HXXXXSPOOF\x1b[5;1H here \x1b]52;c;aGk=\a\u009b31mC1\n\ntoken \"a\" {\n  card { preset = \"visa\" }\n}\n",
		"\x1b[7mREV\x1b[0m\u009b2J.hcl": "# Fine.\n\ntoken \"a\" {\n  card { preset = \"visa\" }\n}\n",
	}
	for name, src := range files {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(src), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	t.Chdir(dir)
	pc, _ := newContext(t, 100, 30, setup{})
	pc.ScenarioDir = "." // as the local TUI sets it
	s := NewScenario(pc).(*Scenario)
	s.Update(s.Init()())
	noControls := func(what, view string) {
		t.Helper()
		if i := strings.IndexFunc(view, func(r rune) bool { return unicode.IsControl(r) && r != '\n' }); i >= 0 {
			t.Errorf("%s holds a control character: %q", what, view[max(0, i-30):min(len(view), i+30)])
		}
	}
	view := s.View()
	noControls("the picker", view)
	for _, want := range []string{"[7mREV[0m2J.hcl  Fine.", "evil3.hcl", "Move [3;40HXXXXSPOOF[5;1H here ]52;c;aGk=31mC1"} {
		if !strings.Contains(view, want) {
			t.Errorf("the picker lacks %q:\n%s", want, view)
		}
	}

	for range len(s.entries) - 2 { // the first file: its name sorts first
		s.Update(keyMsg("down"))
	}
	_, load := s.Update(keyMsg("enter"))
	noControls("the plan being read", s.View())
	s.Update(load())
	view = s.View()
	noControls("the plan", view)
	if !strings.Contains(view, "[7mREV[0m2J.hcl") || !strings.Contains(view, "Plan: 1 to add") {
		t.Errorf("the plan does not name the file:\n%s", view)
	}
}
