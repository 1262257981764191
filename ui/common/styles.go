package common

import (
	"github.com/charmbracelet/huh"
	"github.com/charmbracelet/lipgloss"

	"github.com/tokenscope/tokenscope/views"
)

// Glyphs carry the meaning; colour only adds to it, so NO_COLOR and
// 16-colour terminals lose nothing.
// The glyphs of views' Kinds are views'; the TUI adds the selection.
const (
	GlyphSelected = "›"
	GlyphUnused   = views.GlyphUnused
	GlyphUsed     = views.GlyphUsed
	GlyphAdd      = views.GlyphCreate
	GlyphDrift    = views.GlyphChange
	GlyphGone     = views.GlyphGone
	GlyphError    = views.GlyphError
)

// Styles is every style the TUI uses, built once per lipgloss renderer: an
// SSH session's renderer knows that session's colour profile, so styles are
// never package-level values.
type Styles struct {
	Header      lipgloss.Style
	HeaderBadge lipgloss.Style // OFFLINE / TEST / URL
	Footer      lipgloss.Style
	Pane        lipgloss.Style // bordered box around list and detail
	PaneTitle   lipgloss.Style
	Row         lipgloss.Style
	RowSelected lipgloss.Style
	Used        lipgloss.Style // amber
	Unused      lipgloss.Style // green
	Label       lipgloss.Style // field names in the detail pane
	Value       lipgloss.Style
	Muted       lipgloss.Style
	Error       lipgloss.Style // red
	ErrorTitle  lipgloss.Style
	Add         lipgloss.Style // plan "+"
	Drift       lipgloss.Style // "~"
	Gone        lipgloss.Style // "-"
	Status      lipgloss.Style // the status line
	Key         lipgloss.Style
	// Form is the huh theme of the flows' forms (formtheme.go).
	Form *huh.Theme
}

// barOn and barOff start and end the selection bar: reverse video, bold.
// They are written as they are, not through the renderer, because a
// renderer without colour (NO_COLOR, TERM=vt100) drops every attribute
// with the colours, and a selection shown by colour alone, or not at all,
// is lost on a projector. Reverse video is no colour: every terminal
// bubbletea can drive has it.
const (
	barOn  = "\x1b[1;7m"
	barOff = "\x1b[m"
)

// Bar draws s as the selection bar; s must hold no escapes of its own (an
// inner reset would end the bar early).
func (st *Styles) Bar(s string) string { return barOn + s + barOff }

// NewStyles builds Styles for one renderer.
func NewStyles(r *lipgloss.Renderer) *Styles {
	if r == nil {
		r = lipgloss.DefaultRenderer()
	}
	green := lipgloss.AdaptiveColor{Light: "28", Dark: "42"}
	amber := lipgloss.AdaptiveColor{Light: "130", Dark: "214"}
	red := lipgloss.AdaptiveColor{Light: "160", Dark: "203"}
	muted := lipgloss.AdaptiveColor{Light: "244", Dark: "245"}
	accent := lipgloss.AdaptiveColor{Light: "62", Dark: "111"}
	st := &Styles{
		Header:      r.NewStyle().Bold(true),
		HeaderBadge: r.NewStyle().Bold(true).Reverse(true).Padding(0, 1),
		Footer:      r.NewStyle().Foreground(muted),
		Pane:        r.NewStyle().Border(lipgloss.NormalBorder()),
		PaneTitle:   r.NewStyle().Bold(true),
		Row:         r.NewStyle(),
		RowSelected: r.NewStyle().Bold(true).Foreground(accent),
		Used:        r.NewStyle().Foreground(amber),
		Unused:      r.NewStyle().Foreground(green),
		Label:       r.NewStyle().Foreground(muted),
		Value:       r.NewStyle(),
		Muted:       r.NewStyle().Foreground(muted),
		Error:       r.NewStyle().Foreground(red),
		ErrorTitle:  r.NewStyle().Foreground(red).Bold(true),
		Add:         r.NewStyle().Foreground(green),
		Drift:       r.NewStyle().Foreground(amber),
		Gone:        r.NewStyle().Foreground(red),
		Status:      r.NewStyle().Foreground(accent),
		Key:         r.NewStyle().Bold(true),
	}
	st.Form = FormTheme(r, st)
	return st
}
