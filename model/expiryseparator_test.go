package model

import (
	"strings"
	"testing"
)

// An expiry with another separator is refused for its separator, not
// for a month that is right.
func TestExpiryWithoutSlash(t *testing.T) {
	for _, s := range []string{"12-30", "12.30", "12 30"} {
		_, _, fe := ParseExpiry(s)
		if fe == nil || !strings.Contains(fe.Message, "with a slash") {
			t.Errorf("%q: %v", s, fe)
		}
	}
	if m, y, fe := ParseExpiry("1230"); fe != nil || m != 12 || y != 2030 {
		t.Errorf("1230: %d %d %v", m, y, fe)
	}
}
