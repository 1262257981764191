package flow

import (
	"regexp"
	"strings"
	"testing"
)

// An inline field's label and value never run together, however long the
// label ("Account (acct_…)acct_1Qx" did), and a choice's value is on its
// title's line ("Holder type" had "individual" on the line under it).
func TestFormLabelsAndValuesOnOneLine(t *testing.T) {
	pc, _ := newContext(t, 80, 24, setup{})
	pii := created(t, pc, "id_match")
	r := start(t, NewUse(pc, pii), 80, 24)
	r.shows("id number of an account")
	r.keys("enter")
	r.shows("Account or person (acct_…, person_…)")
	r.keys("acct_1Qx")
	s := r.shows("acct_1Qx")
	if !regexp.MustCompile(`Account or person \(acct_…, person_…\) +acct_1Qx`).MatchString(s.view) {
		t.Errorf("the account label runs into its value:\n%s", s.view)
	}

	r2 := start(t, NewToken(pc), 80, 24)
	r2.keys("down", "enter")
	s = r2.shows("New bank account token", "Holder type")
	for _, line := range strings.Split(s.view, "\n") {
		if strings.Contains(line, "Holder type") && !strings.Contains(line, "individual") {
			t.Errorf("the holder type is not on its title's line:\n%s", s.view)
		}
	}
}
