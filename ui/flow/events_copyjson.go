package flow

import (
	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	"github.com/tokenscope/tokenscope/model"
	"github.com/tokenscope/tokenscope/views"
)

// y and J in the events view are the shell's keys, as in a token's
// detail: the shell asks the view which ids y offers (its picker, its
// OSC 52 copy) and which JSON J shows (its pager, over the view), so
// both work as they do everywhere else, and a burst of keys after them
// lands where it would typed slowly.

// KeysMsg gives the shell back keys a flow kept that the shell answers
// (y or J typed with E, before the first read): it routes each again,
// in order, as if typed now.
type KeysMsg struct{ Keys []tea.KeyMsg }

// CopyIDs are the ids y offers: those of the event open, or of the one
// selected in the list; none while the type filter has the focus (y
// types) or an object pane is open (its keys are its own).
func (e *Events) CopyIDs() []views.Field {
	if ev := e.current(); ev != nil {
		return views.EventIDs(*ev)
	}
	return nil
}

// RawJSON is the event J shows, as the API returned it (model.NewEvent
// keeps it): the one open, or the one selected; ok is false where y
// does not apply either.
func (e *Events) RawJSON() (id string, raw []byte, ok bool) {
	if ev := e.current(); ev != nil {
		return ev.ID, ev.Raw, true
	}
	return "", nil, false
}

// current is the event y and J are about, nil when they do not apply.
func (e *Events) current() *model.Event {
	switch {
	case e.obj != nil, e.typing:
		return nil
	case e.open != nil:
		return e.open
	}
	return e.selectedEvent()
}

// shellKey reports a key the shell answers now, were it typed now.
func (e *Events) shellKey(km tea.KeyMsg) bool {
	return key.Matches(km, e.pc.Keys.Copy, e.pc.Keys.JSON) && e.current() != nil
}

// giveBack hands the shell keys, in order (KeysMsg).
func giveBack(keys []tea.KeyMsg) tea.Cmd {
	keys = append([]tea.KeyMsg(nil), keys...)
	return func() tea.Msg { return KeysMsg{Keys: keys} }
}
