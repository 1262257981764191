package common

import (
	"regexp"
	"strings"

	"github.com/charmbracelet/x/ansi"

	"github.com/tokenscope/tokenscope/model"
)

// DESIGN.md: a TUI cuts an id only where the terminal is narrower than
// the id, and marks the cut with "…"; other text gives way first. These
// are the helpers that keep ids whole in lines of plain text.

// idWord finds words that may be ids; IsID says which are.
var idWord = regexp.MustCompile(`[A-Za-z0-9]+_[A-Za-z0-9_]+`)

// IsID reports an id of an object tokenscope knows (by its prefix,
// model.KindOfID) or a request id. "card_declined" is not one.
func IsID(word string) bool {
	if strings.HasPrefix(word, "req_") {
		return true
	}
	_, ok := model.KindOfID(word)
	return ok
}

// FitIDs fits a line of plain text to w cells. The text around its ids
// gives way first, the last first (a summary after the id before the verb
// before it), each cut marked with "…"; an id is cut only when the ids
// and their separators alone are wider than w.
func FitIDs(s string, w int) string {
	over := ansi.StringWidth(s) - w
	if over <= 0 {
		return s
	}
	type part struct {
		text string
		id   bool
	}
	var parts []part
	at := 0
	for _, m := range idWord.FindAllStringIndex(s, -1) {
		if !IsID(s[m[0]:m[1]]) {
			continue
		}
		parts = append(parts, part{s[at:m[0]], false}, part{s[m[0]:m[1]], true})
		at = m[1]
	}
	parts = append(parts, part{s[at:], false})
	for i := len(parts) - 1; i >= 0 && over > 0; i-- {
		if parts[i].id {
			continue
		}
		// What leads to the next id (" (", ": ") stays with it.
		core := strings.TrimRight(parts[i].text, " (:·")
		tail := parts[i].text[len(core):]
		cw := ansi.StringWidth(core)
		if cw <= 1 {
			continue
		}
		keep := max(cw-over, 1)
		parts[i].text = ansi.Truncate(core, keep, "…") + tail
		over -= cw - keep
	}
	var b strings.Builder
	for _, p := range parts {
		b.WriteString(p.text)
	}
	return ansi.Truncate(b.String(), max(w, 0), "…")
}

// cutIDs cuts, with "…", each word of s wider than width that holds an
// id ("pi_…", quoted in JSON), so that Wrap shows its start on a line
// rather than breaking it over two.
func cutIDs(s string, width int) string {
	lines := strings.Split(s, "\n")
	for i, line := range lines {
		words := strings.Split(line, " ")
		for j, w := range words {
			if ansi.StringWidth(w) > width && holdsID(w) {
				words[j] = ansi.Truncate(w, width, "…")
			}
		}
		lines[i] = strings.Join(words, " ")
	}
	return strings.Join(lines, "\n")
}

func holdsID(word string) bool {
	for _, m := range idWord.FindAllString(word, -1) {
		if IsID(m) {
			return true
		}
	}
	return false
}
