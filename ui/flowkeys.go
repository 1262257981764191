package ui

import (
	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	"github.com/tokenscope/tokenscope/ui/flow"
	"github.com/tokenscope/tokenscope/views"
)

// A flow that shows ids and API objects of its own (the events view)
// gets y and J from the shell, as a token's detail does: the same
// picker and OSC 52 copy, the same JSON pager. The shell asks the flow
// what they apply to when the key comes, so a burst after them lands
// where it would typed slowly.

// idCopier is a flow whose y copies an id it shows; none when y does
// not apply there (then the flow gets the key).
type idCopier interface{ CopyIDs() []views.Field }

// jsonShower is a flow whose J shows an API object as returned.
type jsonShower interface {
	RawJSON() (id string, raw []byte, ok bool)
}

// flowKey answers y and J for the open flow where they apply, and ? on
// a flow that shows an object (but in a field, where ? is typed).
func (a *App) flowKey(msg tea.KeyMsg) (tea.Cmd, bool) {
	switch {
	case key.Matches(msg, a.keys.Help):
		if o, ok := a.flow.(flow.KeyOfferer); ok {
			if _, ok := o.OfferedKeys(); ok {
				a.openHelp()
				return nil, true
			}
		}
	case key.Matches(msg, a.keys.Copy):
		if c, ok := a.flow.(idCopier); ok {
			if ids := c.CopyIDs(); len(ids) > 0 {
				return a.copyOneOf(ids), true
			}
		}
	case key.Matches(msg, a.keys.JSON):
		if j, ok := a.flow.(jsonShower); ok {
			if id, raw, ok := j.RawJSON(); ok {
				a.openJSON(id, raw)
				a.pager.overFlow = true
				return nil, true
			}
		}
	}
	return nil, false
}

// overFlow reports a pager (JSON, help) shown over the open flow.
func (a *App) overFlow() bool {
	return a.flow != nil && a.mode == modePager && a.pager.overFlow
}

// overFlowKey: esc goes back to the flow, y still copies its ids, q
// quits (asking while the flow writes), the rest scrolls.
func (a *App) overFlowKey(msg tea.KeyMsg) tea.Cmd {
	k := a.keys
	switch {
	case key.Matches(msg, k.Back):
		a.closePager()
		return nil
	case key.Matches(msg, k.Quit):
		return a.quit()
	case key.Matches(msg, k.Copy):
		cmd, _ := a.flowKey(msg)
		return cmd
	}
	return a.pager.update(msg, k)
}

// overFlowKeys are the footer's keys over the flow.
func (a *App) overFlowKeys() []key.Binding {
	k := a.keys
	keys := []key.Binding{k.Back}
	if c, ok := a.flow.(idCopier); ok && len(c.CopyIDs()) > 0 {
		keys = append(keys, k.Copy)
	}
	return append(keys, k.Up, k.Down, k.PageDown, k.Top, k.Bottom, k.Quit)
}
