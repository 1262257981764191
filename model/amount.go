package model

import "strings"

// FormatAmount writes an amount in the currency's smallest unit as people
// read it: 1000 usd -> "10.00 usd", 500 jpy -> "500 jpy".
func FormatAmount(amount int64, cur string) string {
	cur = strings.ToLower(cur)
	return decimal(amount, cur) + " " + cur
}
