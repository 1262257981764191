package views

import (
	"io"
	"strings"
)

// Kind is what a line or a field means. A screen maps each Kind to a
// style; plain text shows the glyph the line carries and nothing else, so
// no meaning rests on colour.
type Kind int

// The kinds of what is shown.
const (
	Plain  Kind = iota
	Label       // a field's name
	Value       // a field's value
	Muted       // a comment or an aside (a plan's "# token.x will be created")
	Create      // "+": a resource or attribute to be created
	Change      // "~": drift, a replacement, an attribute that changes
	Gone        // "-": no longer exists
	Failed      // "!": failed
	Used        // "●": the token has been used
	Unused      // "○": the token can still be used
)

// Glyphs carry each Kind's meaning in plain text.
const (
	GlyphCreate = "+"
	GlyphChange = "~"
	GlyphGone   = "-"
	GlyphError  = "!"
	GlyphUsed   = "●"
	GlyphUnused = "○"
)

// Line is one line of human output. Lead is the part before its text (an
// indent, a glyph, a plan attribute's "+ name = "): when a screen wraps a
// long line, the text wraps under itself and Lead's column stays clear.
type Line struct {
	Kind Kind
	Lead string
	Text string
}

// String is the line as plain text.
func (l Line) String() string { return l.Lead + l.Text }

// WriteLines writes lines as plain text, one per line.
func WriteLines(w io.Writer, lines []Line) error {
	var b strings.Builder
	for _, l := range lines {
		b.WriteString(l.String())
		b.WriteByte('\n')
	}
	_, err := io.WriteString(w, b.String())
	return err
}
