package ui

import (
	tea "github.com/charmbracelet/bubbletea"

	"github.com/tokenscope/tokenscope/model"
	"github.com/tokenscope/tokenscope/ui/flow"
)

// openEvents opens the selected token's timeline (e): its events and
// those of what it became, live, with the request that caused each and
// its deliveries (flow.Events).
func (a *App) openEvents(sel *model.Record) tea.Cmd {
	if sel == nil || a.pc.Session == nil {
		a.setStatus("no token selected: n makes one, E shows the workspace's events")
		return nil
	}
	return a.openFlow(flow.NewEvents(a.pc, sel.ID))
}

// openAllEvents opens the workspace's events (E), live.
func (a *App) openAllEvents() tea.Cmd {
	if a.pc.Session == nil {
		return nil
	}
	return a.openFlow(flow.NewEvents(a.pc, ""))
}
