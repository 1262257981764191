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

// CardGroups is how a card number of these digits is printed on the card:
// 4-6-5 for 15-digit American Express, 4-6-4 for 14-digit Diners Club,
// groups of four otherwise (the last one shorter).
func CardGroups(digits string) []int {
	switch n := len(digits); {
	case n == 15 && Brand(digits) == BrandAmex:
		return []int{4, 6, 5}
	case n == 14 && Brand(digits) == BrandDiners:
		return []int{4, 6, 4}
	case n <= 4: // only the last four are known: the common 16-digit form
		return []int{4, 4, 4, 4}
	}
	var g []int
	for n := len(digits); n > 0; n -= 4 {
		g = append(g, min(n, 4))
	}
	return g
}

// MaskCard shows a card number in its brand's grouping with all but the
// last four digits hidden: "•••• •••• •••• 4242", "•••• •••••• •0005"
// (Amex). It is the only form in which a card number may appear on
// screen, in a log or in a plan. Given only the last four, it shows the
// 16-digit form; MaskLast4 knows the brand.
func MaskCard(number string) string {
	d := Digits(number)
	if d == "" {
		return ""
	}
	return maskGroups(CardGroups(d), Last4(d))
}

// MaskLast4 masks a card known by its last four digits and its brand, as
// the API returns it ("American Express" is always 15 digits; Diners Club
// may be 14 or 16, so it keeps the 16-digit form).
func MaskLast4(last4, brand string) string {
	if last4 == "" {
		return ""
	}
	if brand == BrandAmex {
		return maskGroups([]int{4, 6, 5}, last4)
	}
	return maskGroups([]int{4, 4, 4, 4}, last4)
}

// maskGroups writes groups of "•" with last4 at the end of the last ones.
func maskGroups(groups []int, last4 string) string {
	total := 0
	for _, g := range groups {
		total += g
	}
	hidden := max(total-len(last4), 0)
	parts := make([]string, 0, len(groups))
	for _, g := range groups {
		dots := min(g, hidden)
		hidden -= dots
		shown := g - dots
		parts = append(parts, strings.Repeat("•", dots)+last4[:shown])
		last4 = last4[shown:]
	}
	return strings.Join(parts, " ")
}
