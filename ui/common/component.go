// Package common holds what every view of the TUI shares: the Component
// contract, the one ProgramContext per program (or per SSH session), the
// Styles built once from that session's lipgloss renderer, and the KeyMap.
package common

import (
	"github.com/charmbracelet/bubbles/help"
	tea "github.com/charmbracelet/bubbletea"
)

// Component is a view: a tea.Model that can be resized and that tells the
// footer which keys it answers to (soft-serve's ui/common contract).
// Close is called when the shell drops it: whatever it still has in
// flight is cancelled, and its goroutines end.
type Component interface {
	tea.Model
	help.KeyMap
	SetSize(width, height int)
	Close()
}
