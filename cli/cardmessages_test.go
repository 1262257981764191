package cli

import (
	"fmt"
	"strings"
	"testing"
	"time"
)

// Card input errors say what is wrong and always carry why and next.
func TestCardErrorsSayWhatIsWrong(t *testing.T) {
	now := time.Now()
	past := fmt.Sprintf("%02d/%02d", int(now.Month())-1, now.Year()%100)
	cases := []struct {
		name  string
		flags []string
		want  []string
	}{
		{"no exp", []string{"--number", "4242424242424242"}, []string{"parameter_missing", "exp_month", "--exp is required"}},
		{"no exp, bad number", []string{"--number", "4242424242424241"}, []string{"incorrect_number"}},
		{"month 13", []string{"--number", "4242424242424242", "--exp", "13/34"}, []string{"invalid_expiry_month"}},
	}
	if now.Month() > time.January {
		cases = append(cases, struct {
			name  string
			flags []string
			want  []string
		}{"past month", []string{"--number", "4242424242424242", "--exp", past}, []string{"invalid_expiry_month", "already over"}})
	}
	s := newSandbox(t)
	for _, c := range cases {
		r := s.expect(2, append([]string{"create", "card"}, c.flags...)...)
		for _, w := range append(c.want, "  why ", "  next ", "refused locally") {
			if !strings.Contains(r.errOut, w) {
				t.Errorf("%s: stderr lacks %q:\n%s", c.name, w, r.errOut)
			}
		}
		if strings.Contains(r.errOut, "must be 1 to 12") && strings.HasPrefix(c.name, "no exp") {
			t.Errorf("%s: blames the month's range:\n%s", c.name, r.errOut)
		}
	}
}
