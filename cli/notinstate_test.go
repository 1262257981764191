package cli

import (
	"encoding/json"
	"strings"
	"testing"
)

// An id the state does not hold is refused with exit 2 and, with --json,
// the error object on stdout (code not_in_state), as every refusal is.
func TestNotInStateJSON(t *testing.T) {
	s := newSandbox(t)
	for _, args := range [][]string{{"report", "tok_nope", "--json"}, {"state", "show", "tok_nope", "--json"}} {
		r := s.expect(2, args...)
		var body struct {
			Error struct{ Type, Code, Param string } `json:"error"`
		}
		if err := json.Unmarshal([]byte(r.out), &body); err != nil || body.Error.Code != "not_in_state" || body.Error.Param != "id" {
			t.Errorf("%s: stdout %q (%v), want the not_in_state error object", strings.Join(args, " "), r.out, err)
		}
		if !strings.Contains(r.errOut, "tokenscope state list") {
			t.Errorf("%s: stderr does not say where to look:\n%s", strings.Join(args, " "), r.errOut)
		}
	}
}
