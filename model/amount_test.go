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

// TestMoneyText: amounts as Stripe's messages write them.
func TestMoneyText(t *testing.T) {
	for _, c := range []struct {
		n    int64
		cur  string
		want string
	}{
		{1000, "usd", "$10.00"}, {99_999_999, "usd", "$999,999.99"}, {100_000_000, "eur", "€1,000,000.00"},
		{50, "jpy", "50 JPY"}, {1_234_567, "jpy", "1,234,567 JPY"}, {-123456, "usd", "-$1,234.56"},
	} {
		if got := model.MoneyText(c.n, c.cur); got != c.want {
			t.Errorf("MoneyText(%d, %s) = %q, want %q", c.n, c.cur, got, c.want)
		}
	}
}
