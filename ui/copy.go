package ui

import (
	"fmt"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/ansi"

	"github.com/tokenscope/tokenscope/model"
	"github.com/tokenscope/tokenscope/ui/common"
	"github.com/tokenscope/tokenscope/views"
)

// idPicker is the small menu y opens when the selected token's detail
// shows more than one id: the token, the charge or customer that used it,
// the requests, the card inside it. enter copies the one chosen. enter in
// the detail opens it with another verb (follow.go).
type idPicker struct {
	ids    []views.Field // Label: what the id names; Value: the id
	cursor int
	title  string                  // the box's: "Copy which id?"
	verb   string                  // enter's, in the footer: "copy"
	pick   func(id string) tea.Cmd // what enter does with the id chosen
}

// copyKey copies the selected token's id, or opens the picker when its
// detail shows other ids too.
func (a *App) copyKey(sel *model.Record) tea.Cmd {
	obj, err := a.detail.token(sel)
	return a.copyOneOf(views.NewToken(sel, obj, err).IDs())
}

// copyOneOf copies the only id, or asks which in the picker.
func (a *App) copyOneOf(ids []views.Field) tea.Cmd {
	if len(ids) == 1 {
		return a.copyID(ids[0].Value)
	}
	a.picker = &idPicker{ids: ids, title: "Copy which id?", verb: "copy", pick: a.copyID}
	return nil
}

// pickerKey moves in the picker, copies on enter, closes on esc.
func (a *App) pickerKey(msg tea.KeyMsg) tea.Cmd {
	p, k := a.picker, a.keys
	switch {
	case key.Matches(msg, k.Up):
		p.cursor = max(p.cursor-1, 0)
	case key.Matches(msg, k.Down):
		p.cursor = min(p.cursor+1, len(p.ids)-1)
	case key.Matches(msg, k.Open):
		a.picker = nil
		return p.pick(p.ids[p.cursor].Value)
	case key.Matches(msg, k.Back), key.Matches(msg, k.Quit):
		a.picker = nil
	}
	return nil
}

// pickerKeys are the footer's keys while the picker is open.
func (a *App) pickerKeys() []key.Binding {
	k := a.keys
	copyIt := k.Open
	copyIt.SetHelp("enter", a.picker.verb)
	return []key.Binding{k.Up, k.Down, copyIt, k.Back}
}

// overlayPicker draws the picker as a box over the middle of the body's
// lines, the ids whole (the box is as wide as they need).
func (a *App) overlayPicker(lines []string) []string {
	p := a.picker
	labelW, idW := 0, 0
	for _, f := range p.ids {
		labelW, idW = max(labelW, ansi.StringWidth(f.Label)), max(idW, ansi.StringWidth(f.Value))
	}
	rows := make([]string, len(p.ids))
	for i, f := range p.ids {
		row := fmt.Sprintf("%s %-*s  %s", " ", labelW, f.Label, f.Value)
		if i == p.cursor {
			row = a.st.RowSelected.Render(fmt.Sprintf("%s %-*s  %s", common.GlyphSelected, labelW, f.Label, f.Value))
		}
		rows[i] = row
	}
	w := min(labelW+idW+8, a.width) // borders, a margin, the glyph, the gap
	h := min(len(rows)+2, len(lines))
	boxLines := box(a.st, p.title, rows, w, h)
	top, left := max((len(lines)-h)/2, 0), max((a.width-w)/2, 0)
	for i, b := range boxLines {
		if top+i >= len(lines) {
			break
		}
		under := pad(lines[top+i], a.width)
		lines[top+i] = ansi.Truncate(under, left, "") + b + ansi.TruncateLeft(under, left+w, "")
	}
	return lines
}
