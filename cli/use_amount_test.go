package cli

import (
	"strconv"
	"strings"
	"testing"

	"github.com/tokenscope/tokenscope/model"
)

// QA D: a decimal --charge is a usage error that gives the whole number in
// the currency's smallest unit, not strconv's parse error.
func TestUseChargeDecimalIsUsageWithTheAmountItMeans(t *testing.T) {
	s := newSandbox(t)
	id := s.create("card", "visa")
	for _, c := range []struct{ args, want string }{
		{"--charge 1.50", "--charge: the amount is in the currency's smallest unit (cents for usd): 1.50 usd is --charge 150"},
		{"--charge 2.5 --currency EUR", "2.5 eur is --charge 250"},
		{"--charge 500.00 --currency jpy", "1.50 usd is --charge 150"}, // jpy has no decimals
		{"--charge ten", "1.50 usd is --charge 150"},
		{"--charge 4242424242424242.00", "1.50 usd is --charge 150"}, // not echoed: no amount, maybe a card
	} {
		r := s.expect(2, append([]string{"use", id}, strings.Fields(c.args)...)...)
		if !strings.Contains(r.errOut, c.want) || strings.Contains(r.errOut, "strconv") || strings.Contains(r.errOut, "4242424242424242") {
			t.Errorf("use %s: stderr\n%s\nwant %q", c.args, r.errOut, c.want)
		}
	}
	if tok := token(t, s.ok("get", id, "--json").out); tok.Used {
		t.Error("a refused --charge used the token")
	}
}

// minorUnits is the inverse of model.FormatAmount: whatever it reads,
// formatting the result gives back the same amount.
func FuzzMinorUnits(f *testing.F) {
	for _, s := range []string{"1.50", "1.5", "12.", ".5", "0.01", "1.505", "abc", "-1.50", "1e3", "", ".", "99999999999999999999.00"} {
		f.Add(s, "usd")
	}
	f.Add("500", "jpy")
	f.Add("1.000", "kwd")
	f.Fuzz(func(t *testing.T, s, cur string) {
		n, ok := minorUnits(s, cur)
		if !ok {
			return
		}
		if n < 0 || strings.Trim(s, "0123456789.") != "" {
			t.Fatalf("minorUnits(%q, %q) = %d", s, cur, n)
		}
		back, _, _ := strings.Cut(model.FormatAmount(n, cur), " ")
		if m, ok := minorUnits(back, cur); (ok && m != n) || (!ok && strconv.FormatInt(n, 10) != back) {
			t.Fatalf("minorUnits(%q, %q) = %d, but that formats as %q", s, cur, n, back)
		}
	})
}
