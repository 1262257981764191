package ui

import (
	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	"github.com/tokenscope/tokenscope/model"
	"github.com/tokenscope/tokenscope/ui/flow"
	"github.com/tokenscope/tokenscope/views"
)

// followKey: enter in a token's detail opens what the token became (the
// charge, the customer, the PaymentIntent and its PaymentMethod) in an
// object pane (flow.Object); with several, y's picker asks which.
func (a *App) followKey(msg tea.KeyMsg) (tea.Cmd, bool) {
	if !a.pager.detail || !key.Matches(msg, a.keys.Follow) {
		return nil, false
	}
	r := a.list.find(a.pager.title)
	if r == nil {
		return nil, true
	}
	obj, err := a.detail.token(r)
	ids := became(views.NewToken(r, obj, err))
	if len(ids) == 0 {
		a.setStatus(views.Clean(r.ID) + " became nothing yet: u uses it")
		return nil, true
	}
	return a.openOneOf(ids), true
}

// openOneOf opens the object of the only id, or asks which in the picker.
func (a *App) openOneOf(ids []views.Field) tea.Cmd {
	if len(ids) == 1 {
		return a.openObject(ids[0].Value)
	}
	a.picker = &idPicker{ids: ids, title: "Open which?", verb: "open", pick: a.openObject}
	return nil
}

// became are the ids of the token's detail that name an object
// tokenscope reads by id, in the detail's order. The token's own card or
// bank account (card_, ba_) is not among them: it is read under a
// customer, whose pane names it once there is one (so for a person_).
func became(t views.Token) []views.Field {
	var out []views.Field
	for _, f := range t.IDs() {
		if spec, fe := model.ObjectKindOf(f.Value, model.ParamTokenID); fe == nil && spec.Owner() != "" {
			continue
		}
		if flow.IsObjectID(f.Value) {
			out = append(out, f)
		}
	}
	return out
}

// openObject opens the pane of the object with this id over the flow
// that named it (an object pane, the events view), which esc from the
// new pane goes back to, one level at a time (closeFlow).
func (a *App) openObject(id string) tea.Cmd {
	if a.flow != nil {
		a.beneath = append(a.beneath, a.flow)
		a.flow = nil
	}
	return a.openFlow(flow.NewObject(a.pc, id))
}
