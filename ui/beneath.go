package ui

import (
	tea "github.com/charmbracelet/bubbletea"

	"github.com/tokenscope/tokenscope/ui/common"
)

// toBeneath gives the flows under the open one (a.beneath) what is not
// a key: their replies and reads, so a pane's request lands and the
// events view stays live while a pane is open over it. Each drops what
// is not its own (replies are tagged with their flow).
func (a *App) toBeneath(msg tea.Msg) tea.Cmd {
	if _, ok := msg.(tea.KeyMsg); ok || len(a.beneath) == 0 {
		return nil
	}
	cmds := make([]tea.Cmd, 0, len(a.beneath))
	for i, f := range a.beneath {
		m, cmd := f.Update(msg)
		if c, ok := m.(common.Component); ok {
			a.beneath[i] = c
		}
		cmds = append(cmds, cmd)
	}
	return tea.Batch(cmds...)
}
