package scenario

import (
	"strconv"
	"strings"

	"github.com/agext/levenshtein"
)

// didYouMean is " Did you mean "insufficient_funds"?" when given is a
// likely typo of one of names, "" when none is close. It is how HCL itself
// suggests an argument or a block type (the same library and threshold:
// an edit distance under 3, the closest first), for the names HCL cannot
// know: presets and use steps. A given name with digits in it may be a card number typed in
// the wrong place, and is compared, never echoed (the name suggested is
// the registry's).
func didYouMean(given string, names []string) string {
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

// suggested is a diagnostic's detail with didYouMean's suggestion after
// it, as a sentence of its own.
func suggested(detail, given string, names []string) string {
	s := didYouMean(given, names)
	if s == "" {
		return detail
	}
	if !strings.HasSuffix(detail, ".") {
		detail += "."
	}
	return detail + s
}
