package model

import (
	"strconv"
	"strings"

	"github.com/agext/levenshtein"
)

// DidYouMean is " Did you mean "insufficient_funds"?" when given is a
// likely typo of one of names, "" when none is close. It is how HCL itself
// suggests an argument or a block type (the same library and threshold:
// an edit distance under 3, the closest first), for the names HCL cannot
// know: presets, use steps, event types. A given name with digits in it
// may be a card number typed in the wrong place, and is compared, never
// echoed (the name suggested is the known one).
func DidYouMean(given string, names []string) string {
	given = strings.ToLower(strings.TrimSpace(given))
	best, dist := "", 3
	for _, n := range names {
		if d := levenshtein.Distance(given, n, nil); d < dist {
			best, dist = n, d
		}
	}
	if best == "" {
		return ""
	}
	return " Did you mean " + strconv.Quote(best) + "?"
}

// Suggested is a message with DidYouMean's suggestion after it, as a
// sentence of its own.
func Suggested(detail, given string, names []string) string {
	s := DidYouMean(given, names)
	if s == "" {
		return detail
	}
	if !strings.HasSuffix(detail, ".") {
		detail += "."
	}
	return detail + s
}
