package ui

import "testing"

// Clearing a filter that matched nothing gives the selection back to the
// token it was on, whether the filter is cleared as it is typed (esc) or
// after enter kept it (esc in the list): it went to the top row, and m,
// d or u then acted on another token than the one chosen.
func TestClearingAFilterThatMatchedNothingKeepsTheSelection(t *testing.T) {
	for name, keys := range map[string][]string{
		"esc while typing":     {"/", "z", "z", "z", "z", "esc"},
		"esc after enter":      {"/", "z", "z", "z", "z", "enter", "esc"},
		"backspace to nothing": {"/", "z", "backspace", "enter"},
	} {
		t.Run(name, func(t *testing.T) {
			a := newApp(t, newSession(t, fixtures(t)), 80, 24)
			press(t, a, "j", "j")
			want := a.list.selectedID()
			press(t, a, keys...)
			if a.list.query != "" {
				t.Fatalf("the filter %q is still on", a.list.query)
			}
			if got := a.list.selectedID(); got != want {
				t.Errorf("selection %q, want %q (the row it was on)", got, want)
			}
		})
	}
}

// A filter kept with enter chooses the token it found, and a move within
// a filter chooses where it lands: clearing the filter then leaves the
// selection there (testui#7). It went back to the token selected before
// filtering, which was what one filtered away from.
func TestClearingAFilterKeepsTheTokenFoundWithIt(t *testing.T) {
	for name, keys := range map[string][]string{
		"enter, then esc":   {"/", "b", "t", "o", "k", "enter", "esc"},
		"a move, then esc":  {"/", "u", "n", "u", "s", "e", "d", "down", "esc"},
		"enter, move, esc":  {"/", "u", "n", "u", "s", "e", "d", "enter", "down", "esc"},
		"enter, empty, esc": {"/", "b", "t", "o", "k", "enter", "/", "z", "z", "esc"},
	} {
		t.Run(name, func(t *testing.T) {
			a := newApp(t, newSession(t, fixtures(t)), 120, 40)
			want := a.list.at(2).ID // the bank account, the last row
			if want[:5] != "btok_" {
				t.Fatalf("the fixtures' last row is %s", want)
			}
			press(t, a, "g") // the first row chosen, as the report's repro did
			press(t, a, keys...)
			if a.list.query != "" {
				t.Fatalf("the filter %q is still on", a.list.query)
			}
			if got := a.list.selectedID(); got != want {
				t.Errorf("selection %q, want %q (the token the filter found)", got, want)
			}
		})
	}
}
