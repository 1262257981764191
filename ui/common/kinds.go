package common

import (
	"strings"

	"github.com/charmbracelet/lipgloss"

	"github.com/tokenscope/tokenscope/views"
)

// Of is the style of what a line or field means: the TUI styles a view's
// lines from their Kind and never reads their text.
func (st *Styles) Of(k views.Kind) lipgloss.Style {
	switch k {
	case views.Label:
		return st.Label
	case views.Value:
		return st.Value
	case views.Muted:
		return st.Muted
	case views.Create:
		return st.Add
	case views.Change:
		return st.Drift
	case views.Gone:
		return st.Gone
	case views.Failed:
		return st.Error
	case views.Used:
		return st.Used
	case views.Unused:
		return st.Unused
	}
	return lipgloss.NewStyle()
}

// StyleLines lays out a view's lines, each wrapped at spaces to width
// cells under its text, past its Lead (width 0: no wrapping), and styled
// by its Kind.
func StyleLines(st *Styles, lines []views.Line, width int) []string {
	out := make([]string, 0, len(lines))
	for _, l := range lines {
		style := st.Of(l.Kind)
		if width <= 0 {
			out = append(out, style.Render(l.String()))
			continue
		}
		for _, part := range Hang(l.Lead, l.Text, width) {
			out = append(out, style.Render(part))
		}
	}
	return out
}

// StyleSegments joins a line's segments, each styled by its Kind.
func StyleSegments(st *Styles, segs []views.Segment) string {
	var b strings.Builder
	for _, s := range segs {
		if s.Kind == views.Plain {
			b.WriteString(s.Text)
			continue
		}
		b.WriteString(st.Of(s.Kind).Render(s.Text))
	}
	return b.String()
}
