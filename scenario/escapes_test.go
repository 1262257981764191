package scenario

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode"
)

// escapes are what a scenario file passed around may carry into a
// terminal: CSI (cursor moves, SGR), OSC 52 (the clipboard) ended by BEL,
// and C1's CSI, U+009B, which terminals act on as ESC [.
const escapes = "\x1b[3;40HXX\x1b[31m\x1b]52;c;aGk=\a\u009b7mYY"

// controlIn is the first control character of s other than the newline
// and tab text may hold, or -1.
func controlIn(s string) int {
	return strings.IndexFunc(s, func(r rune) bool { return unicode.IsControl(r) && r != '\n' && r != '\t' })
}

// A file's name and header comment are read once, printable: the picker,
// the plan and the diagnostics show them, and none of them may move the
// cursor, colour the screen or set the clipboard.
func TestScenarioFileTextIsPrintable(t *testing.T) {
	dir := t.TempDir()
	src := "# Move " + escapes + " here\n\ntoken \"a\" {\n  card { preset = \"visa\" }\n}\n"
	name := filepath.Join(dir, "\x1b[7mREV\x1b[0m\u009b2J.hcl")
	if err := os.WriteFile(name, []byte(src), 0o600); err != nil {
		t.Fatal(err)
	}

	listed := ListDir(dir)
	if len(listed) != 1 {
		t.Fatalf("listed %+v", listed)
	}
	l := listed[0]
	if l.Path != name {
		t.Errorf("Path = %q, want the file's own path, to read it", l.Path)
	}
	if want := filepath.Join(dir, "[7mREV[0m2J.hcl"); l.Name != want {
		t.Errorf("Name = %q, want %q", l.Name, want)
	}
	if want := "Move [3;40HXX[31m]52;c;aGk=7mYY here"; l.About != want {
		t.Errorf("About = %q, want %q", l.About, want)
	}

	f, diags := Load(name)
	if diags.HasErrors() {
		t.Fatal(diags)
	}
	if i := controlIn(f.Name + f.About); i >= 0 {
		t.Errorf("the loaded file's name or about holds a control: %q %q", f.Name, f.About)
	}
}

// Diagnostics quote the file's name, its lines and, for a file that
// cannot be read, the path in the system's error: all printable.
func TestScenarioDiagnosticsArePrintable(t *testing.T) {
	dir := t.TempDir()
	name := filepath.Join(dir, "bad\x1b]52;c;aGk=\a.hcl")
	src := "token \"a\" {\n  card { prest = \"" + escapes + "\" }\n}\n"
	if err := os.WriteFile(name, []byte(src), 0o600); err != nil {
		t.Fatal(err)
	}
	for _, arg := range []string{name, filepath.Join(dir, "gone\x1b[2J.hcl")} {
		f, diags := Load(arg)
		if !diags.HasErrors() {
			t.Fatalf("%q: no diagnostics", arg)
		}
		var b bytes.Buffer
		if err := f.WriteDiagnostics(&b, diags, 0); err != nil {
			t.Fatal(err)
		}
		out := b.String()
		if !strings.Contains(out, "Error:") {
			t.Fatalf("no error written:\n%s", out)
		}
		if i := controlIn(out); i >= 0 {
			t.Errorf("the diagnostics hold a control: %q", out[max(0, i-40):min(len(out), i+40)])
		}
	}
}
