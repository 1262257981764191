package flow

import tea "github.com/charmbracelet/bubbletea"

// maxTyped bounds the keys a typeAhead keeps.
const maxTyped = 16

// typeAhead keeps the keys pressed while a flow cannot take them yet (a
// request in flight, a plan being made, the first read), to be handled
// in order once it can: a fast typist's keys are not dropped.
type typeAhead struct{ keys []tea.KeyMsg }

// keep adds km, up to maxTyped keys.
func (t *typeAhead) keep(km tea.KeyMsg) {
	if len(t.keys) < maxTyped {
		t.keys = append(t.keys, km)
	}
}

// drain hands the kept keys in order to update, as if typed now, until
// stop (nil: never) says one must wait: it and those after it stay kept,
// before any update kept meanwhile. It returns update's commands.
func (t *typeAhead) drain(update func(tea.Msg) (tea.Model, tea.Cmd), stop func(tea.KeyMsg) bool) tea.Cmd {
	keys := t.keys
	t.keys = nil
	cmds := make([]tea.Cmd, 0, len(keys))
	for i, km := range keys {
		if stop != nil && stop(km) {
			t.keys = append(keys[i:len(keys):len(keys)], t.keys...)
			break
		}
		_, cmd := update(km)
		cmds = append(cmds, cmd)
	}
	return tea.Batch(cmds...)
}

// take empties it, returning what it kept.
func (t *typeAhead) take() []tea.KeyMsg {
	keys := t.keys
	t.keys = nil
	return keys
}
