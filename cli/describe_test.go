package cli

import (
	"regexp"
	"strings"
	"testing"
)

// get names the use that consumed the token, not the last attempt: a
// second charge refused with token_already_used is listed under it.
func TestGetNamesTheUseThatConsumedTheToken(t *testing.T) {
	s := newSandbox(t)
	id := s.create("card", "insufficient_funds")
	s.expect(1, "use", id, "--charge", "1000")
	s.expect(1, "use", id, "--charge", "1000")
	for _, args := range [][]string{{"get", id}, {"state", "show", id}} {
		out := s.ok(args...).out
		usedBy := regexp.MustCompile(`(?m)^  used by +ch_\S+ \(declined: card_declined / insufficient_funds\) at \d{4}-\d\d-\d\d \d\d:\d\d UTC$`)
		then := regexp.MustCompile(`(?m)^  then +token_already_used at \d{4}-\d\d-\d\d \d\d:\d\d UTC$`)
		if !usedBy.MatchString(out) || !then.MatchString(out) || strings.Contains(out, "  use ") {
			t.Errorf("%s:\n%s", strings.Join(args, " "), out)
		}
		if strings.Index(out, "  used by") > strings.Index(out, "  then") {
			t.Errorf("%s: the later attempt is listed before the use that consumed the token:\n%s", strings.Join(args, " "), out)
		}
	}
}
