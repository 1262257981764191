package model

import "strings"

// Sensitive is what a plan, a log or an error shows instead of a CVC or an id
// number: Terraform's word for a value it will not print.
const Sensitive = "(sensitive)"

// Last4 returns the last four digits of a number as typed (spaces and dashes
// ignored), or fewer when it is shorter.
func Last4(number string) string {
	d := Digits(number)
	if len(d) > 4 {
		return d[len(d)-4:]
	}
	return d
}

// MaskCard shows a card number as "•••• •••• •••• 4242": the only form in
// which a card number may appear on screen, in a log or in a plan.
func MaskCard(number string) string {
	l4 := Last4(number)
	if l4 == "" {
		return ""
	}
	return strings.Repeat("•••• ", 3) + l4
}

// MaskShort shows a number as "•4242", for narrow list rows.
func MaskShort(number string) string { return "•" + Last4(number) }
