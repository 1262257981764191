package model

import (
	"strings"
	"unicode"
)

// Printable makes text from the API, a user or a file safe to print on one
// line: invalid UTF-8 becomes "?", line breaks and tabs a space (a message
// of several lines, such as the state lock's, reads as words, not glued
// together), and other control characters (ESC and the C1 controls above
// all: a bank name or a scenario file's comment must not be able to move
// the cursor or set the clipboard) are dropped. It is the one sanitiser:
// views.Clean is it, and scenario files' names and header comments pass
// through it where they are read.
func Printable(s string) string { return printable(s, false) }

// PrintableLines is Printable for text of several lines: newlines and tabs
// stay.
func PrintableLines(s string) string { return printable(s, true) }

func printable(s string, lines bool) string {
	s = strings.ToValidUTF8(s, "?")
	if !lines && strings.ContainsAny(s, "\n\r\t") {
		parts := strings.FieldsFunc(s, isBreak)
		for i := range parts {
			if i > 0 { // an indented line's spaces are no gap in one line
				parts[i] = strings.TrimLeft(parts[i], " ")
			}
		}
		s = strings.Join(parts, " ")
	}
	return strings.Map(func(r rune) rune {
		if lines && (r == '\n' || r == '\t') {
			return r
		}
		if unicode.IsControl(r) {
			return -1
		}
		return r
	}, s)
}

// isBreak is what Printable turns into a space: a run of line breaks and
// tabs is one space.
func isBreak(r rune) bool { return r == '\n' || r == '\r' || r == '\t' }
