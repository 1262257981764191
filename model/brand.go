package model

import (
	"fmt"
	"strconv"
	"strings"
)

// Card brands as Stripe spells them in card.brand.
const (
	BrandVisa       = "Visa"
	BrandMasterCard = "MasterCard"
	BrandAmex       = "American Express"
	BrandDiscover   = "Discover"
	BrandDiners     = "Diners Club"
	BrandJCB        = "JCB"
	BrandUnionPay   = "UnionPay"
	BrandUnknown    = "Unknown"
)

// brandRule is one issuer range: numbers whose first len(lo) digits lie
// in [lo, hi] belong to brand and have one of lengths (nil: 13 to 19).
type brandRule struct {
	lo, hi  string
	brand   string
	lengths []int
}

// brandRules are the issuer ranges Stripe's brands use, most specific
// first. Diners Club numbers have 14 to 19 digits: Stripe's own Diners
// test cards have 14 (36227206271667) and 16 (3056930009020004).
var brandRules = []brandRule{
	{"34", "34", BrandAmex, []int{15}},
	{"37", "37", BrandAmex, []int{15}},
	{"300", "305", BrandDiners, []int{14, 15, 16, 17, 18, 19}},
	{"36", "36", BrandDiners, []int{14, 15, 16, 17, 18, 19}},
	{"38", "39", BrandDiners, []int{14, 15, 16, 17, 18, 19}},
	{"3528", "3589", BrandJCB, []int{16, 17, 18, 19}},
	{"6011", "6011", BrandDiscover, []int{16, 17, 18, 19}},
	{"644", "649", BrandDiscover, []int{16, 17, 18, 19}},
	{"65", "65", BrandDiscover, []int{16, 17, 18, 19}},
	{"62", "62", BrandUnionPay, []int{16, 17, 18, 19}},
	{"51", "55", BrandMasterCard, []int{16}},
	{"2221", "2720", BrandMasterCard, []int{16}},
	{"4", "4", BrandVisa, []int{13, 16, 19}},
}

// Brand names the brand of a card number (digits only) from its issuer
// prefix, as Stripe would report it; BrandUnknown when no range matches.
func Brand(digits string) string {
	if r := ruleFor(digits); r != nil {
		return r.brand
	}
	return BrandUnknown
}

func ruleFor(digits string) *brandRule {
	for i := range brandRules {
		r := &brandRules[i]
		if len(digits) < len(r.lo) {
			continue
		}
		p := digits[:len(r.lo)]
		if p >= r.lo && p <= r.hi {
			return r
		}
	}
	return nil
}

// lengthProblem says what is wrong with the length of a card number
// (digits only), or "" when its brand allows that many digits. Numbers of
// unknown brand may have 13 to 19 digits.
func lengthProblem(digits string) string {
	n := len(digits)
	r := ruleFor(digits)
	if r == nil {
		if n >= 13 && n <= 19 {
			return ""
		}
		return fmt.Sprintf("the card number has %d digits; a card number has 13 to 19", n)
	}
	for _, l := range r.lengths {
		if l == n {
			return ""
		}
	}
	want := make([]string, len(r.lengths))
	for i, l := range r.lengths {
		want[i] = strconv.Itoa(l)
	}
	return fmt.Sprintf("the card number has %d digits; a %s number has %s", n, r.brand, strings.Join(want, " or "))
}
