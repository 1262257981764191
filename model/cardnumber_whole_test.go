package model

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"
)

// Generated ids and times pass the Luhn check one time in ten; only a
// whole run of a length its brand allows is a card number. Each "no" below
// passes the Luhn check and was refused before.
func TestCardNumberIsWholeAndBranded(t *testing.T) {
	for _, c := range []struct {
		text string
		want string // last4, "" for none
	}{
		{"1796497432122", ""},                     // a millisecond time: no brand starts with 1
		{"ci+1796497432122@example.com", ""},      // Date.now() in an email
		{"1081986547129810948", ""},               // a 19-digit snowflake id
		{"Order #1081986547129810948", ""},        //
		{"1234567890123452", ""},                  // a 16-digit order id
		{"999999999999994", ""},                   // 9: no brand
		{"7000000000000005", ""},                  // 7: no brand
		{"42424242424242426", ""},                 // 17 digits: no Visa has 17
		{"4242424242424242" + "4242424242", ""},   // inside a longer run
		{strings.Repeat("4242", 20), ""},          // 80 digits: no card is that long
		{"4000056655665556", "5556"},              // Visa 16
		{"4242424242424242", "4242"},              //
		{"5555555555554444", "4444"},              // Mastercard
		{"2223003122003222", "3222"},              // Mastercard 2-series
		{"378282246310005", "0005"},               // Amex 15
		{"6011111111111117", "1117"},              // Discover
		{"3056930009020004", "0004"},              // Diners 16
		{"36227206271667", "1667"},                // Diners 14
		{"3566002020360505", "0505"},              // JCB
		{"6200000000000005", "0005"},              // UnionPay
		{"4242 4242 4242 4242", "4242"},           // grouped
		{"5555-5555-5555-4444", "4444"},           //
		{"3782 822463 10005", "0005"},             //
		{"card 4242424242424242 12/30", "4242"},   // whole groups in a row
		{"4242424242424242 12", "4242"},           //
		{"4000 0000 0000 0002 Main St", "0002"},   // a test card is a card anywhere
		{"+1 415 555 0100 4242", ""},              // a phone number and more
		{"2026-12-05 19:14:27.1796497432122", ""}, //
	} {
		for _, scan := range []CardScan{ScanTyped, ScanSent} {
			_, last4 := FindCardNumber([]byte(c.text), scan)
			if last4 != c.want {
				t.Errorf("FindCardNumber(%q, %+v) = %q, want %q", c.text, scan, last4, c.want)
			}
		}
	}
}

// A program's values glue digits to letters in ids; typed text may glue a
// number to a name.
func TestScanSentSkipsIds(t *testing.T) {
	for _, text := range []string{"ord_4242424242424242", "INV4242424242424242", "4242424242424242x", "cus-ab4242424242424242"} {
		if off, last4 := FindCardNumber([]byte(text), ScanSent); off >= 0 {
			t.Errorf("FindCardNumber(%q, ScanSent) = %d, %s: an id is no card", text, off, last4)
		}
		if off, _ := FindCardNumber([]byte(text), ScanTyped); off < 0 {
			t.Errorf("FindCardNumber(%q, ScanTyped) found nothing", text)
		}
	}
	// A number joined to a glued group still stands on its own.
	if _, last4 := FindCardNumber([]byte("ab1-4242424242424242"), ScanSent); last4 != "4242" {
		t.Errorf("ab1-4242424242424242: %q", last4)
	}
}

// Random 16-digit order ids were refused more often than not (any 13 to 19
// digits of them passing the Luhn check); a few in a hundred remain, those
// no one can tell from a card number.
func TestRandomOrderIdsAreRarelyCards(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	const n = 10000
	cards := 0
	for range n {
		id := fmt.Sprintf("%016d", rng.Uint64N(1e16))
		if _, ok := LooksLikeCardNumber(id); ok {
			cards++
			if r := ruleFor(id); r == nil || !Luhn(id) {
				t.Fatalf("%s read as a card number", id)
			}
		}
	}
	if cards > n/20 {
		t.Errorf("%d of %d random 16-digit ids read as card numbers", cards, n)
	}
}

// FuzzFindCardNumberWhole: whatever is found is whole digit groups, of a
// length its brand allows, passing the Luhn check, and a scan that skips
// glued numbers finds nothing glued.
func FuzzFindCardNumberWhole(f *testing.F) {
	for _, seed := range []string{"4242424242424242", "ord_4242424242424242", "1796497432122", "1081986547129810948",
		"4242 4242 4242 4242 12", "x-378282246310005-y", "12 4000056655665556", strings.Repeat("5", 70)} {
		f.Add(seed, true)
	}
	f.Fuzz(func(t *testing.T, text string, sent bool) {
		scan := ScanTyped
		if sent {
			scan = ScanSent
		}
		r, ok := scan.next([]byte(text), 0)
		if !ok {
			return
		}
		if r.start > 0 && isDigit(text[r.start-1]) || r.end < len(text) && isDigit(text[r.end]) {
			t.Fatalf("%q: %q is part of a longer group", text, text[r.start:r.end])
		}
		if rule := ruleFor(r.digits); rule == nil || !Luhn(r.digits) || !strings.HasSuffix(r.digits, r.last4) {
			t.Fatalf("%q: %q (%s) is no card number", text, r.digits, r.last4)
		}
		if !cardLength([]byte(r.digits)) {
			t.Fatalf("%q: %q has a length its brand does not", text, r.digits)
		}
		span := text[r.start:r.end]
		if got := strings.Map(func(c rune) rune {
			if strings.ContainsRune(scan.Joiners, c) {
				return -1
			}
			return c
		}, span); got != r.digits {
			t.Fatalf("%q: span %q holds %q, not %q", text, span, got, r.digits)
		}
		if scan.Standalone && (r.start > 0 && isWordByte(text[r.start-1]) || r.end < len(text) && isWordByte(text[r.end])) {
			t.Fatalf("%q: %q is glued to an id", text, text[r.start:r.end])
		}
	})
}
