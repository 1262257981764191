package flow

import (
	"strings"
	"testing"
	"unicode/utf8"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/tokenscope/tokenscope/model"
)

// A paste into a form field is cut at the field's limit (testui#2): a
// name at Stripe's 5,000 characters, a card number at 19 digits in groups
// of four; 20,000 characters held whole made every later key work on all
// of them.
func TestPasteIsCutAtTheFieldsLimit(t *testing.T) {
	pc, _ := newContext(t, 80, 24, setup{})
	tk := NewToken(pc).(*Token)
	tk.Update(keyMsg("enter")) // card
	f := tk.forms[model.KindCard]
	field := func(label string) int {
		for i, in := range f.inputs {
			if in.Label == label {
				return i
			}
		}
		t.Fatalf("no field %s", label)
		return -1
	}
	paste := tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune(strings.Repeat("4", 20000))}
	for _, c := range []struct {
		label string
		tabs  int
		want  int
		valid string // typed over the paste: an invalid value keeps the focus
	}{{"Number", 1, 23, "4242424242424242"}, {"CVC", 2, 4, "123"}, {"Name", 1, model.MaxFreeText, ""}} {
		for range c.tabs {
			tk.Update(keyMsg("tab"))
		}
		tk.Update(keyMsg("ctrl+u"))
		tk.Update(paste)
		if got := utf8.RuneCountInString(f.values[field(c.label)]); got != c.want {
			t.Errorf("%s holds %d characters of a 20,000-character paste, want %d", c.label, got, c.want)
		}
		tk.Update(keyMsg("ctrl+u"))
		tk.Update(keyMsg(c.valid))
	}
}
