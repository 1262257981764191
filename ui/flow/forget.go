package flow

import (
	"context"
	"fmt"

	"github.com/charmbracelet/bubbles/key"
	"github.com/charmbracelet/bubbles/spinner"
	tea "github.com/charmbracelet/bubbletea"

	"github.com/tokenscope/tokenscope/ui/common"
	"github.com/tokenscope/tokenscope/views"
)

// Forget is what `state rm` does, in the TUI: the plan of the tokens to
// forget (d: the selected one; D: those refresh found gone), then, on
// enter, their removal from the state. Nothing is sent to Stripe.
type Forget struct {
	scope
	pc   *common.ProgramContext
	ids  []string
	gone bool // refresh found them gone: Stripe no longer has them
	plan *planView
	spin spinner.Model
	busy bool
	err  error
	w, h int
}

// NewForget shows the plan of forgetting ids, which a refresh found gone
// or not.
func NewForget(pc *common.ProgramContext, ids []string, gone bool) common.Component {
	f := &Forget{scope: newScope(pc), pc: pc, ids: ids, gone: gone, spin: newSpinner(pc.Styles)}
	f.plan = (&planView{st: pc.Styles, keys: pc.Keys, actions: views.ForgetLines(ids, gone), summary: views.ForgetSummary(len(ids))}).shown(pc)
	f.SetSize(pc.Width, pc.Height)
	return f
}

// Init implements tea.Model.
func (f *Forget) Init() tea.Cmd { return nil }

// InFlight: the removal waits for the state lock or writes the state.
func (f *Forget) InFlight() bool { return f.busy }

// SetSize implements common.Component.
func (f *Forget) SetSize(w, h int) {
	f.w, f.h = w, h
	f.plan.setSize(planSize(w, h))
}

// Update implements tea.Model.
func (f *Forget) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	if isQuit(msg) && !f.busy {
		return f, f.cancelled()
	}
	k := f.pc.Keys
	switch {
	case f.busy:
		if keyIs(msg, k.Cancel) {
			f.cancelRequest()
			return f, nil
		}
		r, ok, cmd := awaitReply(msg, f.id, &f.spin)
		if !ok {
			return f, cmd
		}
		f.busy = false
		if r.err != nil {
			f.err = r.err
			return f, nil
		}
		return f, f.finish(nil, views.Forgotten(f.ids, f.gone), false)
	case f.err != nil:
		if keyIs(msg, k.Close) {
			return f, f.finish(nil, "nothing was forgotten", false)
		}
	case keyIs(msg, k.Confirm) && f.plan.confirm():
		f.busy = true
		s, ids := f.pc.Session, f.ids
		return f, tea.Batch(f.spin.Tick, f.request(func(ctx context.Context) reply {
			return reply{err: s.Remove(ctx, ids)}
		}))
	case keyIs(msg, k.Back):
		return f, f.cancelled()
	default:
		return f, f.plan.update(msg)
	}
	return f, nil
}

// View implements tea.Model.
func (f *Forget) View() string {
	st := f.pc.Styles
	title := " Forget " + views.Plural(len(f.ids), "a token", fmt.Sprintf("%d tokens", len(f.ids)))
	var body string
	switch {
	case f.busy:
		body = f.inFlight(f.spin.View(), "Forgetting… (the state's lock)")
	case f.err != nil:
		body = common.RenderError(f.pc, f.err, f.w-1)
	default:
		body = f.plan.view()
	}
	return st.Header.Render(title) + "\n\n" + indent(body)
}

// ShortHelp implements help.KeyMap.
func (f *Forget) ShortHelp() []key.Binding {
	k := f.pc.Keys
	switch {
	case f.busy:
		return []key.Binding{k.Cancel}
	case f.err != nil:
		return []key.Binding{k.Close}
	}
	forget := k.Confirm
	forget.SetHelp("enter", "forget")
	return []key.Binding{forget, k.Back}
}

// FullHelp implements help.KeyMap.
func (f *Forget) FullHelp() [][]key.Binding { return [][]key.Binding{f.ShortHelp()} }
