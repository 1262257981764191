package common

import "github.com/charmbracelet/bubbles/help"

// HelpStyles are bubbles/help styles bound to this program's renderer:
// help.New() builds its styles on lipgloss's default renderer, which over
// SSH describes the server's terminal, not the session's.
func (s *Styles) HelpStyles() help.Styles {
	return help.Styles{
		Ellipsis:       s.Muted,
		ShortKey:       s.Key,
		ShortDesc:      s.Footer,
		ShortSeparator: s.Muted,
		FullKey:        s.Key,
		FullDesc:       s.Footer,
		FullSeparator:  s.Muted,
	}
}
