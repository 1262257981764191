// Package flow holds the TUI's multi-step flows: create a token (choose a
// kind, fill a form, review the plan, apply), retrieve one by id, and use
// one (plan, apply, outcome). Each flow is a common.Component that the shell
// shows in its body until the flow sends a DoneMsg.
package flow

import (
	"github.com/charmbracelet/bubbles/key"
	"github.com/charmbracelet/bubbles/spinner"
	tea "github.com/charmbracelet/bubbletea"

	"github.com/tokenscope/tokenscope/model"
	"github.com/tokenscope/tokenscope/ui/common"
)

// DoneMsg ends a flow. Flow is the number of the flow that ended, Record
// the token to select or update (nil when nothing was made), Status a
// one-line summary for the status bar, and Cancelled is set when the user
// backed out with esc at the first step.
type DoneMsg struct {
	Flow      int64
	Record    *model.Record
	Status    string
	Cancelled bool
}

// ChangedMsg says a flow wrote a token and stays open (the use outcome
// waits for a key): the shell updates its list and counts now, not only
// when the flow closes.
type ChangedMsg struct{ Record model.Record }

// WroteMsg says a flow wrote to the state and stays open (a scenario
// apply, step by step): the shell reads the state again, so the header's
// counts and the list keep up with it.
type WroteMsg struct{}

func wrote() tea.Msg { return WroteMsg{} }

func changed(rec model.Record) tea.Cmd {
	return func() tea.Msg { return ChangedMsg{Record: rec} }
}

// awaitReply handles a message while a flow's request is in flight: a
// spinner tick turns spin (cmd is its next tick), and this flow's reply is
// returned with ok set. A reply to another flow (one closed since) is
// dropped.
func awaitReply(msg tea.Msg, flow int64, spin *spinner.Model) (r reply, ok bool, cmd tea.Cmd) {
	switch msg := msg.(type) {
	case spinner.TickMsg:
		*spin, cmd = spin.Update(msg)
	case reply:
		return msg, msg.flow == flow, nil
	}
	return reply{}, false, cmd
}

// newSpinner is the spinner every request shows, in the program's style.
func newSpinner(st *common.Styles) spinner.Model {
	return spinner.New(spinner.WithSpinner(spinner.Dot), spinner.WithStyle(st.Status))
}

// isQuit reports a ctrl+c, which abandons a flow at any step but a request
// in flight (the shell then asks before quitting).
func isQuit(msg tea.Msg) bool {
	k, ok := msg.(tea.KeyMsg)
	return ok && k.String() == "ctrl+c"
}

// keyIs reports whether msg is a key press matching b.
func keyIs(msg tea.Msg, b key.Binding) bool {
	k, ok := msg.(tea.KeyMsg)
	return ok && key.Matches(k, b)
}
