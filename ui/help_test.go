package ui

import (
	"os"
	"regexp"
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"

	"github.com/tokenscope/tokenscope/ui/common"
)

// The help overlay fits 80x24 without scrolling, in columns, every group
// title with its keys under it, the list's, the forms' and the filter's
// keys included.
func TestHelpFitsInColumns(t *testing.T) {
	a := newApp(t, newSession(t, fixtures(t)), 80, 24)
	press(t, a, "?")
	if a.pager.vp.TotalLineCount() > a.pager.vp.Height {
		t.Fatalf("help needs %d rows in a pager of %d:\n%s", a.pager.vp.TotalLineCount(), a.pager.vp.Height, a.View())
	}
	v := a.View()
	for _, want := range []string{"o  sort", "tab        next", "enter  keep filter", "d  forget", "y  copy id"} {
		if !strings.Contains(v, want) {
			t.Errorf("help lacks %q:\n%s", want, v)
		}
	}
	lines := strings.Split(v, "\n")
	if !strings.Contains(lines[2], "Navigation") || !strings.Contains(lines[2], "Token") {
		t.Errorf("the groups are not side by side:\n%s", v)
	}
	for _, g := range a.keys.Groups() {
		for i, l := range lines {
			if c := strings.Index(l, g.Title); c >= 0 && (i+1 >= len(lines) || strings.TrimSpace(cellsFrom(lines[i+1], ansi.StringWidth(l[:c]))) == "") {
				t.Errorf("the heading %q has nothing under it:\n%s", g.Title, v)
			}
		}
	}
}

// cellsFrom is line from cell col on.
func cellsFrom(line string, col int) string { return ansi.TruncateLeft(line, col, "") }

// The README's key table names the keys the build binds, and every key of
// the help is in the README.
func TestREADMEKeysMatchTheBuild(t *testing.T) {
	readme, err := os.ReadFile("../README.md")
	if err != nil {
		t.Fatal(err)
	}
	tui := string(readme)
	start, end := strings.Index(tui, "## The TUI"), strings.Index(tui, "## Headless commands")
	if start < 0 || end < start {
		t.Fatal("no TUI section in the README")
	}
	tui = tui[start:end]
	bound := map[string]bool{}
	for _, g := range common.NewKeyMap().Groups() {
		for _, b := range g.Keys {
			for _, k := range keyNames(b.Help().Key) {
				bound[k] = true
				if !strings.Contains(tui, "`"+k+"`") {
					t.Errorf("the README's TUI section does not name `%s` (%s: %s)", k, g.Title, b.Help().Desc)
				}
			}
		}
	}
	row := regexp.MustCompile(`(?m)^\| ([^|]*) \|`)
	tick := regexp.MustCompile("`([^`]+)`")
	for _, m := range row.FindAllStringSubmatch(tui, -1) {
		for _, k := range tick.FindAllStringSubmatch(m[1], -1) {
			if !bound[k[1]] {
				t.Errorf("the README's key table has `%s`, which the build does not bind", k[1])
			}
		}
	}
}

// keyNames are the keys a help key names: "↑/k" is ↑ and k, "/" is /.
func keyNames(help string) []string {
	names := strings.Split(help, "/")
	for _, n := range names {
		if n == "" {
			return []string{help}
		}
	}
	return names
}
