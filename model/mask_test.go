package model

import "testing"

// A masked number keeps its brand's grouping and the last four digits.
func TestMaskCardFollowsTheBrand(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"4242424242424242", "•••• •••• •••• 4242"},
		{"4242 4242 4242 4242", "•••• •••• •••• 4242"},
		{"378282246310005", "•••• •••••• •0005"},    // Amex 4-6-5
		{"36227206271667", "•••• •••••• 1667"},      // Diners 14: 4-6-4
		{"3056930009020004", "•••• •••• •••• 0004"}, // Diners 16
		{"4242", "•••• •••• •••• 4242"},             // only last4 known
		{"", ""},
	} {
		if got := MaskCard(c.in); got != c.want {
			t.Errorf("MaskCard(%q) = %q, want %q", c.in, got, c.want)
		}
	}
	if got := MaskLast4("0005", BrandAmex); got != "•••• •••••• •0005" {
		t.Errorf("MaskLast4 amex = %q", got)
	}
	if got := MaskLast4("4242", "Visa"); got != "•••• •••• •••• 4242" {
		t.Errorf("MaskLast4 visa = %q", got)
	}
}
