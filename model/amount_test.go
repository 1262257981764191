package model_test

import (
	"testing"

	"github.com/tokenscope/tokenscope/model"
)

// Amounts read in major units, negative ones too (a balance transaction's
// net): "-0.30 usd", never "-.30 usd".
func TestFormatAmount(t *testing.T) {
	for _, c := range []struct {
		n    int64
		cur  string
		want string
	}{
		{3000, "usd", "30.00 usd"}, {5, "usd", "0.05 usd"}, {-30, "usd", "-0.30 usd"},
		{-1500, "usd", "-15.00 usd"}, {-500, "jpy", "-500 jpy"}, {0, "usd", "0.00 usd"},
	} {
		if got := model.FormatAmount(c.n, c.cur); got != c.want {
			t.Errorf("FormatAmount(%d, %s) = %q, want %q", c.n, c.cur, got, c.want)
		}
	}
}
