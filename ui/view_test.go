package ui

import (
	"regexp"
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/ansi"

	"github.com/tokenscope/tokenscope/model"
	"github.com/tokenscope/tokenscope/ui/common"
)

// checkFits fails when a frame is not exactly the terminal's size.
func checkFits(t testing.TB, a *App, w, h int) {
	t.Helper()
	v := a.View()
	lines := strings.Split(v, "\n")
	if h > 0 && len(lines) != h {
		t.Fatalf("%dx%d: %d lines", w, h, len(lines))
	}
	for i, l := range lines {
		if n := ansi.StringWidth(l); n > w {
			t.Fatalf("%dx%d: line %d is %d cells: %q", w, h, i, n, l)
		}
	}
}

// TestResizeDegrades shrinks every screen to 40x12, 20x5 and 1x1 and back:
// no panic, every frame fits, and the keys still work afterwards.
func TestResizeDegrades(t *testing.T) {
	screens := map[string][]string{
		"list": nil, "detail": {"enter"}, "json": {"J"}, "log": {"L"}, "help": {"?"},
		"filter": {"/", "v"}, "drift": {"R"}, "flow": {"n"},
	}
	for name, keys := range screens {
		t.Run(name, func(t *testing.T) {
			a := newApp(t, driftSession(t), 120, 40)
			for _, k := range keys {
				if k == "n" {
					a.Update(keyMsg(k))
					continue
				}
				press(t, a, k)
			}
			for _, sz := range [][2]int{{40, 12}, {20, 5}, {1, 1}, {0, 0}, {3, 2}, {80, 24}, {120, 40}, {99, 30}, {100, 30}} {
				a.Update(tea.WindowSizeMsg{Width: sz[0], Height: sz[1]})
				checkFits(t, a, sz[0], sz[1])
				for _, k := range []string{"j", "k", "G", "g", "pgdown"} {
					if a.flow == nil {
						press(t, a, k)
					}
				}
				checkFits(t, a, sz[0], sz[1])
			}
			if a.flow == nil {
				press(t, a, "esc", "esc", "g", "j")
				if a.list.cursor != 1 {
					t.Fatalf("after resizing, j no longer moves (cursor %d)", a.list.cursor)
				}
			}
		})
	}
}

func TestEmptyAndWelcomeAtTinySizes(t *testing.T) {
	a := newApp(t, newSession(t, nil), 80, 24)
	for _, sz := range [][2]int{{1, 1}, {20, 5}, {40, 12}, {80, 24}} {
		a.Update(tea.WindowSizeMsg{Width: sz[0], Height: sz[1]})
		checkFits(t, a, sz[0], sz[1])
	}
}

// FuzzRow draws any record at any width: it never panics and never
// overflows, and the status word survives whenever the row is wide enough.
func FuzzRow(f *testing.F) {
	f.Add("tok_1QxYz8Lk2mN3pQ4rS5tU6vW7", "card", "Visa •••• 4242", true, 80)
	f.Add("", "", "", false, 0)
	f.Add("btok_ü界", "bank_account", "界界界 •••• 6789", false, 41)
	f.Add("x", "pii", "id number", true, 1)
	rs := newRowStyle(common.NewStyles(asciiRenderer()))
	f.Fuzz(func(t *testing.T, id, kind, summary string, used bool, width int) {
		if width < 0 || width > 500 {
			return
		}
		r := fixtures(t)[0]
		r.ID, r.Type, r.Summary, r.Used = id, model.Kind(kind), summary, used
		for _, selected := range []bool{true, false} {
			row := renderRow(rs, &r, selected, layoutFor(width, measure([]model.Record{r}), colAge), clock)
			checkRow(t, row, id, used, width)
		}
	})
}

func checkRow(t *testing.T, row, id string, used bool, width int) {
	t.Helper()
	if n := ansi.StringWidth(row); n > max(width, 0) {
		t.Fatalf("row of %d cells at width %d: %q", n, width, row)
	}
	if width >= 60 && ansi.StringWidth(id) <= 8 && !strings.Contains(row, map[bool]string{true: "● used", false: "○ unused"}[used]) {
		t.Fatalf("status word lost at width %d: %q", width, row)
	}
}

// TestNoEscapeFromAPIText: a bank name or summary carrying ESC cannot reach
// the terminal as an escape sequence.
func TestNoEscapeFromAPIText(t *testing.T) {
	recs := fixtures(t)
	recs[2].Summary = "EVIL\x1b]52;c;aGk=\x07 BANK •••• 6789"
	recs[2].Raw = []byte(strings.Replace(string(recs[2].Raw), `"STRIPE TEST BANK"`, `"EVIL\u001b[2J BANK"`, 1))
	a := newApp(t, newSession(t, recs), 120, 40)
	press(t, a, "G")
	// The one escape on screen is tokenscope's own: the selection bar's.
	bar := strings.Split(a.st.Bar("|"), "|")
	v := strings.NewReplacer(bar[0], "", bar[1], "").Replace(a.View())
	if strings.Contains(v, "\x1b") || !strings.Contains(v, "EVIL[2J BANK") {
		t.Fatalf("escape from API text reached the screen: %q", a.View())
	}
}

// Ids are whole wherever they fit: in the list alone (below 100 columns)
// and beside the detail (from 100), btok_ ids (29 cells) too; the summary
// and the age give way first. Narrower than an id, it is cut with "…".
func TestIDsWholeWhereTheyFit(t *testing.T) {
	recs := fixtures(t)
	a := newApp(t, newSession(t, recs), 80, 24)
	for w := 36; w <= 200; w++ {
		a.Update(tea.WindowSizeMsg{Width: w, Height: 24})
		v := a.View()
		for _, r := range recs {
			if !strings.Contains(v, r.ID) {
				t.Fatalf("%d columns: %s is not whole:\n%s", w, r.ID, v)
			}
		}
		if w == 80 || w == 100 {
			for _, want := range []string{"○ unused", "● used"} {
				if !strings.Contains(v, want) {
					t.Errorf("%d columns: %q lost:\n%s", w, want, v)
				}
			}
		}
	}
	a.Update(tea.WindowSizeMsg{Width: 30, Height: 24})
	if v := a.View(); !regexp.MustCompile(`btok_[0-9A-Za-z]{8,}…`).MatchString(v) {
		t.Errorf("30 columns: the bank id is not cut with an ellipsis:\n%s", v)
	}
}
