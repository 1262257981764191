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
