package common

import (
	"fmt"
	"regexp"
	"strings"

	"github.com/charmbracelet/x/ansi"
	"github.com/tokenscope/tokenscope/model"
)

// Row is one "label  value" line of a pane; a long value wraps under
// itself, past the label column.
type Row struct{ Label, Value string }

// labelWidth fits the longest label the panes use ("decline_code").
const labelWidth = 13

// RenderRows lays out rows two spaces in, labels aligned, values
// word-wrapped to width. Empty values are skipped, so callers can list every
// field and let the missing ones fall away. Digit runs that look like a card
// or id number are masked: an error message may echo what was sent.
func RenderRows(st *Styles, rows []Row, width int) string {
	valueWidth := max(width-2-labelWidth-1, 10)
	var b strings.Builder
	for _, r := range rows {
		if r.Value == "" {
			continue
		}
		lines := strings.Split(Wrap(MaskNumbers(r.Value), valueWidth), "\n")
		for i, line := range lines {
			label := ""
			if i == 0 {
				label = r.Label
			}
			fmt.Fprintf(&b, "  %s %s\n", st.Label.Render(fmt.Sprintf("%-*s", labelWidth, label)), st.Value.Render(line))
		}
	}
	return strings.TrimSuffix(b.String(), "\n")
}

// nbHyphen stands in for "-" while wrapping: the same width, no break.
const nbHyphen = "\u2011"

// Wrap wraps text to width cells at spaces only, cutting a word longer than
// a line. x/ansi's wrappers also break after every hyphen, which tore
// "tokenscope create card --preset visa" into "card" / " --" / " preset".
func Wrap(s string, width int) string {
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

// ErrorRows are the fields of an error as a pane shows them: Stripe's type,
// code, decline_code, param and message, the request id, and tokenscope's
// explanation and next step. A plain error is its message.
func ErrorRows(err error) []Row {
	e, ok := model.AsError(err)
	if !ok {
		return []Row{{"message", err.Error()}}
	}
	return []Row{
		{"type", e.Type},
		{"code", e.Code},
		{"decline_code", e.DeclineCode},
		{"param", e.Param},
		{"message", e.Message},
		{"request id", e.RequestID},
		{"why", e.Why},
		{"next", e.Next},
	}
}

// ErrorTitle names what went wrong in a few words: the code, and whether the
// request ever left the machine.
func ErrorTitle(err error) string {
	e, ok := model.AsError(err)
	if !ok {
		return "error"
	}
	title := e.Code
	if title == "" {
		title = e.Type
	}
	switch {
	case e.Local:
		title += "  (local check, nothing was sent)"
	case e.HTTPStatus > 0:
		title += fmt.Sprintf("  (HTTP %d)", e.HTTPStatus)
	}
	return title
}

// RenderError is the error pane every view shows: "! <title>" and then the
// error's fields, aligned and wrapped to width.
func RenderError(st *Styles, err error, width int) string {
	if err == nil {
		return ""
	}
	title := st.ErrorTitle.Render(GlyphError + " " + ErrorTitle(err))
	return title + "\n" + RenderRows(st, ErrorRows(err), width)
}

// numberRun finds runs of 9 to 19 digits, spaces or dashes allowed between
// them: card numbers and id numbers. Request ids and object ids mix letters
// in, and amounts are shorter, so neither is caught.
var numberRun = regexp.MustCompile(`\b\d(?:[ -]?\d){8,18}\b`)

// MaskNumbers replaces anything shaped like a card or id number with its
// masked form, the only form in which a number may reach the screen.
func MaskNumbers(s string) string {
	return numberRun.ReplaceAllStringFunc(s, func(n string) string {
		if len(model.Digits(n)) >= 12 {
			return model.MaskCard(n)
		}
		return "•••••" + model.Last4(n)
	})
}
