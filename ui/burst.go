package ui

import (
	"github.com/charmbracelet/bubbles/key"
	"github.com/charmbracelet/bubbles/textinput"
	tea "github.com/charmbracelet/bubbletea"
)

// Keys that arrive in one read of the terminal (tmux send-keys, a paste
// without bracketed paste, an SSH link that bundles keystrokes) do not
// come as one message per key. bubbletea v1 gives the printable runes of
// a read as ONE KeyRunes message ("jj"), and reads an ESC followed by
// another key as that key with Alt set: two Escapes are "alt+esc", esc
// then q is "alt+q". Matched against single-key bindings, all of these
// were lost. The shell splits them back into the key presses they are
// made of, before any view sees them.

// wordKeys are the alt keys a text field answers to (word moves and
// deletes, as terminals send option+arrow): while one has the focus they
// keep their meaning.
var wordKeys = func() []key.Binding {
	k := textinput.DefaultKeyMap
	return []key.Binding{k.WordForward, k.WordBackward, k.DeleteWordForward, k.DeleteWordBackward}
}()

// typer is a flow that can say whether a text field has the focus.
type typer interface{ Typing() bool }

// typing reports a text field with the focus: the filter, or a flow's.
func (a *App) typing() bool {
	if a.filtering {
		return true
	}
	t, ok := a.flow.(typer)
	return ok && t.Typing()
}

// split returns the key presses msg stands for when it stands for more
// than one, nil when it is one. Runes typed into a text field (the
// filter, a form's field) stay one message: the field takes them whole
// (keyBurst says why). tokenscope binds no alt key, so an alt key is esc and
// then the key, but for a text field's own.
//
// A newline is enter: keys typed before the terminal was made raw (as
// tokenscope starts, or before an SSH link is up) went through the line
// discipline, which turns enter's CR into NL (ICRNL), read as ctrl+j.
func (a *App) split(msg tea.KeyMsg) []tea.KeyMsg {
	if msg.Type == tea.KeyCtrlJ {
		return []tea.KeyMsg{{Type: tea.KeyEnter}}
	}
	if msg.Paste {
		return nil
	}
	var keys []tea.KeyMsg
	k := msg
	if k.Alt {
		if a.typing() && key.Matches(k, wordKeys...) {
			return nil
		}
		keys = append(keys, tea.KeyMsg{Type: tea.KeyEsc})
		k.Alt = false
	}
	if k.Type == tea.KeyRunes && len(k.Runes) > 1 && !a.typing() {
		for _, r := range k.Runes {
			keys = append(keys, tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune{r}})
		}
		return keys
	}
	if keys == nil {
		return nil
	}
	return append(keys, k)
}

// keyBurst handles the key presses of a burst in order, each routed
// again: each may change what the next one means (/ starts the filter, n
// opens a flow, esc closes it). Once a text field has the focus, the
// runes that follow are text, and go to it as one message: a paste
// without bracketed paste arrives as runs of runes, and one update per
// rune, each checking and drawing the whole form, took a 20,000-character
// paste 30 s (a digit typed on the preset list moves to the number field,
// and the rest of a pasted number follows it there at once).
func (a *App) keyBurst(keys []tea.KeyMsg) tea.Cmd {
	cmds := make([]tea.Cmd, 0, len(keys))
	for i := 0; i < len(keys); i++ {
		k := keys[i]
		if n := plainRunes(keys[i:]); n > 1 && a.typing() {
			k = tea.KeyMsg{Type: tea.KeyRunes}
			for _, r := range keys[i : i+n] {
				k.Runes = append(k.Runes, r.Runes...)
			}
			i += n - 1
		}
		cmds = append(cmds, a.key(k))
	}
	return tea.Sequence(cmds...)
}

// plainRunes counts the keys at the start of keys that are runes typed
// without alt.
func plainRunes(keys []tea.KeyMsg) int {
	n := 0
	for n < len(keys) && keys[n].Type == tea.KeyRunes && !keys[n].Alt && !keys[n].Paste {
		n++
	}
	return n
}
