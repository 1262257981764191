package model

import (
	"fmt"
	"strconv"
	"strings"
)

// FormatAmount writes an amount in the currency's smallest unit as people
// read it: 1000 usd -> "10.00 usd", 500 jpy -> "500 jpy".
func FormatAmount(amount int64, cur string) string {
	cur = strings.ToLower(cur)
	return decimal(amount, cur) + " " + cur
}

// ParseAmount reads an amount typed on the command line for param
// (amount, amount_to_capture): a whole number from 1 to Stripe's largest,
// 99999999, in the currency's smallest unit. The refusal names the param
// and Stripe's code, never the digits typed: a long run of them may be a
// card number pasted into the wrong flag. 0 and below are whole numbers
// too: they are refused as Stripe refuses them, with the least amount
// (parameter_invalid_integer, "greater than or equal to 1").
func ParseAmount(param, s string) (int64, *FieldError) {
	s = strings.TrimSpace(s)
	if n, err := strconv.ParseInt(s, 10, 64); err == nil && n < 1 {
		return 0, requestErr("parameter_invalid_integer", param,
			fmt.Sprintf("%s: must be at least 1, in the currency's smallest unit: 500 is 5.00 usd", param))
	}
	msg := fmt.Sprintf("%s: must be a whole number up to %d (Stripe's largest amount), in the currency's smallest unit: 500 is 5.00 usd", param, maxAmount)
	if s == "" || strings.Trim(s, "0123456789") != "" {
		return 0, requestErr("parameter_invalid_integer", param, msg)
	}
	n, err := strconv.ParseInt(s, 10, 64)
	if err != nil || n > maxAmount {
		return 0, requestErr("amount_too_large", param, msg)
	}
	return n, nil
}

// currencySymbols are the symbols Stripe's messages write amounts with;
// other currencies are written with their code.
var currencySymbols = map[string]string{"usd": "$", "gbp": "£", "eur": "€", "cad": "$", "aud": "$"}

// MoneyText is an amount as Stripe's messages write it: $10.00,
// $999,999.99, 500 JPY.
func MoneyText(amount int64, cur string) string {
	cur = strings.ToLower(cur)
	n := decimal(amount, cur)
	whole, frac, hasFrac := strings.Cut(strings.TrimPrefix(n, "-"), ".")
	for i := len(whole) - 3; i > 0; i -= 3 {
		whole = whole[:i] + "," + whole[i:]
	}
	if hasFrac {
		whole += "." + frac
	}
	sign := ""
	if strings.HasPrefix(n, "-") {
		sign = "-"
	}
	if sym, ok := currencySymbols[cur]; ok {
		return sign + sym + whole
	}
	return sign + whole + " " + strings.ToUpper(cur)
}
