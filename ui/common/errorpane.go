package common

import (
	"fmt"
	"strings"

	"github.com/charmbracelet/x/ansi"

	"github.com/tokenscope/tokenscope/model"
	"github.com/tokenscope/tokenscope/views"
)

// labelWidth is the narrowest label column: it fits the longest label
// the error pane uses ("decline_code"), so panes line up with it.
const labelWidth = 13

// maxLabelWidth bounds the label column, so a long label
// ("cancellation_reason") never leaves the values too little room.
const maxLabelWidth = 22

// RenderRows lays out a view's fields two spaces in, labels aligned,
// values word-wrapped to width under themselves, past the label column.
// The column is as wide as the longest label shown (labelColumn); a label
// wider still has its line to itself, its value under the column, so no
// value is pushed out of line or cut. Empty values are skipped, so callers
// can list every field and let the missing ones fall away. Card numbers
// and keys are masked (model.MaskSecrets, the one rule the CLI's output
// follows too): an error message may echo what was sent.
func RenderRows(st *Styles, rows []views.Field, width int) string {
	col := labelColumn(rows, width)
	valueWidth := max(width-2-col-1, 10)
	pad := strings.Repeat(" ", col)
	var b strings.Builder
	for _, r := range rows {
		if r.Value == "" {
			continue
		}
		label := fmt.Sprintf("%-*s", col, r.Label)
		if ansi.StringWidth(r.Label) > col {
			fmt.Fprintf(&b, "  %s\n", st.Label.Render(r.Label))
			label = pad
		}
		for _, line := range strings.Split(Wrap(model.MaskSecrets(r.Value), valueWidth), "\n") {
			fmt.Fprintf(&b, "  %s %s\n", st.Label.Render(label), st.Value.Render(line))
			label = pad
		}
	}
	return strings.TrimSuffix(b.String(), "\n")
}

// labelColumn is the width of the label column for rows in width cells:
// the longest label with a value, at least labelWidth, at most
// maxLabelWidth and a third of the width.
func labelColumn(rows []views.Field, width int) int {
	col := labelWidth
	for _, r := range rows {
		if r.Value != "" {
			col = max(col, ansi.StringWidth(r.Label))
		}
	}
	return max(labelWidth, min(col, maxLabelWidth, width/3))
}

// nbHyphen stands in for "-" while wrapping: the same width, no break.
const nbHyphen = "\u2011"

// Wrap wraps text to width cells at spaces only, breaking a word longer
// than a line, but for an id: that is cut with "…" (cutIDs), as an id
// broken over two lines reads as two words. x/ansi's wrappers also break
// after every hyphen, which tore "tokenscope create card --preset visa"
// into "card" / " --" / " preset".
func Wrap(s string, width int) string {
	s = cutIDs(s, max(width, 1))
	s = ansi.Wrap(strings.ReplaceAll(s, "-", nbHyphen), max(width, 1), "")
	return strings.ReplaceAll(s, nbHyphen, "-")
}

// Hang is prefix and value wrapped like Wrap to width cells, with a
// hanging indent: lines after the first start under the value, past the
// prefix ("  + source = " of a plan line, the glyph of a USED line), so
// the prefix's column stays clear. A value that fits is one line, never
// cut; plain text only (style the lines afterwards).
func Hang(prefix, value string, width int) []string {
	pw := ansi.StringWidth(prefix)
	if pw+ansi.StringWidth(value) <= width {
		return []string{prefix + value}
	}
	lines := strings.Split(Wrap(value, max(width-pw, 1)), "\n")
	for i := range lines {
		if i == 0 {
			lines[i] = prefix + lines[i]
		} else {
			lines[i] = strings.Repeat(" ", pw) + lines[i]
		}
	}
	return lines
}

// RenderError is the error pane every view shows (views.Error): "!
// <title>" and then the error's fields, aligned and wrapped to width. A
// guest of tokenscope serve is told what they can do where the local
// user is told what to run on the server (views.Error.ForGuest).
func RenderError(pc *ProgramContext, err error, width int) string {
	if err == nil {
		return ""
	}
	st, v := pc.Styles, views.NewError(err).InTUI()
	if pc.Guest {
		v = v.ForGuest()
		pc.tellServer(err)
	}
	return st.ErrorTitle.Render(GlyphError+" "+v.Title()) + "\n" + RenderRows(st, v.Fields(), width)
}

// ErrorLine is err in a status line: its text, or for a guest of
// tokenscope serve its headline as the guest reads it
// (views.Error.ForGuest), which names no server path or command.
func ErrorLine(pc *ProgramContext, err error) string {
	if !pc.Guest {
		return err.Error()
	}
	pc.tellServer(err)
	return views.NewError(err).InTUI().ForGuest().Headline()
}
