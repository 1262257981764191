package model

import "slices"

// The one card-number detector. Free-text fields (a cardholder name, a
// postal code, a bank holder's or a person's name) are sent to Stripe and
// come back in the Token, which tokenscope keeps on disk; state.json and
// the emulator's objects are scanned again before every write, and
// everything printed is masked with it (MaskSecrets). All of them ask this
// file, so what a form refuses, what the disk guard refuses and what output
// masks never drift apart. It looks for what really looks like a card
// number, as a card form would take it: a whole run of digits (never a
// stretch of a longer one), of a length the brand its prefix names allows
// (brand.go, the one description of brands), passing the Luhn check. A
// 9-digit run may be an id number but is also a phone number, a postal
// code or an account number, too common in legitimate text to refuse; so
// are millisecond times and snowflake ids (13 and 19 digits starting with
// 1, which no brand has) and order ids, of which about 1 in 40 random
// 16-digit ones still reads as a card.

// CardScan says how FindCardNumber reads text.
type CardScan struct {
	// Joiners are the bytes that may sit, one at a time, between the digit
	// groups of a card number. A card number is then any whole groups in a
	// row ("4242424242424242 12" holds one; "424242424242424212" not).
	Joiners string
	// Standalone skips a number glued to a letter or _ on either side:
	// inside an id, a fingerprint or a hex hash (the emulator's
	// idempotency hashes), digits are noise, and a 64-digit hash holds a
	// Luhn-valid 16-digit stretch often enough to break writes.
	Standalone bool
}

var (
	// ScanTyped reads what a person types into a field, or what is about to
	// be printed: groups joined by spaces, dashes, dots or underscores,
	// anywhere in the text, glued to a name too ("Jenny4000.0566...").
	// A UUID (a lock id) is never read as one.
	ScanTyped = CardScan{Joiners: " -._"}
	// ScanSent reads what a program sends the emulator (a description,
	// metadata, an email): groups as ScanTyped joins them, but a number
	// glued to a letter is part of an id ("ord_4242424242424242"), not a
	// card. What it finds ScanStored would find in the object written.
	ScanSent = CardScan{Joiners: " -._", Standalone: true}
	// ScanStored reads a file about to be written: no dashes, as a dash
	// would join a UUID's last two groups ("a716-446655440000") into what
	// looks like 15 digits, and standalone numbers only.
	ScanStored = CardScan{Joiners: " ._", Standalone: true}
)

// minCardDigits and maxCardDigits bound a card number's length (ISO/IEC 7812).
const (
	minCardDigits = 13
	maxCardDigits = 19
)

// cardRun is a card number found in text: where it starts and ends (end
// exclusive, joiners included), its digits and its last 4.
type cardRun struct {
	start, end int
	digits     string
	last4      string
}

// FindCardNumber finds the first card number in text: whole digit groups
// in a row, joined by single joiners (see CardScan), of a length its
// brand allows (13 to 19 digits), passing the Luhn check. It returns its
// offset and its last 4 digits, or -1 and "": callers name the secret by
// its last 4, never repeat it.
func FindCardNumber(text []byte, scan CardScan) (offset int, last4 string) {
	r, ok := scan.next(text, 0)
	if !ok {
		return -1, ""
	}
	return r.start, r.last4
}

// LooksLikeCardNumber reports whether typed text holds a card number, with
// spaces, dashes, dots or underscores between the groups, and returns its
// last 4 digits.
func LooksLikeCardNumber(s string) (last4 string, ok bool) {
	off, last4 := FindCardNumber([]byte(s), ScanTyped)
	return last4, off >= 0
}

// next finds the first card number in text at or after from.
func (scan CardScan) next(text []byte, from int) (cardRun, bool) {
	dashes := isJoiner('-', scan.Joiners)
	for i := from; i < len(text); i++ {
		if dashes && isHex(text[i]) && (i == 0 || !isAlnum(text[i-1])) {
			if n := uuidLen(text[i:]); n > 0 {
				i += n - 1
				continue
			}
		}
		if !isDigit(text[i]) {
			continue
		}
		start, end := i, scan.runEnd(text, i)
		i = end - 1 // the outer loop's i++ lands on the byte after the run
		glued := scan.Standalone && start > 0 && isWordByte(text[start-1])
		gluedEnd := scan.Standalone && end < len(text) && isWordByte(text[end])
		if r, ok := scan.inRun(text, start, end, glued, gluedEnd); ok {
			return r, true
		}
	}
	return cardRun{}, false
}

// runEnd is where the run of digit groups starting at text[i] ends.
func (scan CardScan) runEnd(text []byte, i int) int {
	for ; i < len(text); i++ {
		if isDigit(text[i]) {
			continue
		}
		if !isJoiner(text[i], scan.Joiners) || i+1 >= len(text) || !isDigit(text[i+1]) {
			break
		}
	}
	return i
}

// group is one solid stretch of digits in a run: text[start:end].
type group struct{ start, end int }

// inRun finds the first card number among the groups of the run
// text[start:end], the one ending first and, of those, the longest. A
// number holding the run's first group is skipped when glued is set (a
// letter sits before it), one holding its last when gluedEnd is.
func (scan CardScan) inRun(text []byte, start, end int, glued, gluedEnd bool) (cardRun, bool) {
	// A card number spans at most maxCardDigits groups: the last ones
	// are kept in a ring.
	var ring [maxCardDigits]group
	var d [maxCardDigits]byte
	n := 0 // groups seen
	for i := start; i < end; {
		g := group{start: i}
		for i < end && isDigit(text[i]) {
			i++
		}
		g.end = i
		i++ // the joiner
		ring[n%len(ring)] = g
		n++
		last := i >= end
		if last && gluedEnd {
			break
		}
		// The numbers ending at g, from the longest: groups first..n-1.
		digits, first := 0, n
		for first > 0 && first > n-len(ring) {
			gi := ring[(first-1)%len(ring)]
			if digits+gi.end-gi.start > maxCardDigits {
				break
			}
			digits += gi.end - gi.start
			first--
		}
		for ; first < n; first++ {
			fg := ring[first%len(ring)]
			if first == 0 && glued {
				digits -= fg.end - fg.start
				continue
			}
			if digits < minCardDigits {
				break
			}
			k := 0
			for j := first; j < n; j++ {
				gj := ring[j%len(ring)]
				k += copy(d[k:], text[gj.start:gj.end])
			}
			if luhnBytes(d[:k]) && cardLength(d[:k]) {
				return cardRun{start: fg.start, end: g.end, digits: string(d[:k]), last4: string(d[k-4 : k])}, true
			}
			digits -= fg.end - fg.start
		}
	}
	return cardRun{}, false
}

// cardLength reports whether d's brand (brand.go) allows its length: a
// number of no brand is no card number.
func cardLength(d []byte) bool {
	r := ruleFor(string(d))
	return r != nil && slices.Contains(r.lengths, len(d))
}

func luhnBytes(d []byte) bool {
	sum := 0
	double := false
	for i := len(d) - 1; i >= 0; i-- {
		v := int(d[i] - '0')
		if double {
			if v *= 2; v > 9 {
				v -= 9
			}
		}
		sum += v
		double = !double
	}
	return sum%10 == 0
}

// uuidLen is 36 when text starts with a UUID (8-4-4-4-12 hex digits) that
// is not glued to more letters or digits, else 0: lock and lineage ids are
// UUIDs, and their all-digit groups must not read as a card number.
func uuidLen(text []byte) int {
	const shape = "xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx"
	if len(text) < len(shape) || len(text) > len(shape) && isAlnum(text[len(shape)]) {
		return 0
	}
	for i := 0; i < len(shape); i++ {
		if shape[i] == '-' && text[i] != '-' || shape[i] == 'x' && !isHex(text[i]) {
			return 0
		}
	}
	return len(shape)
}

func isDigit(c byte) bool { return c >= '0' && c <= '9' }

func isHex(c byte) bool { return isDigit(c) || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F' }

func isAlnum(c byte) bool { return isDigit(c) || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' }

// isWordByte: a letter or _, which glue digits into an id or a hash.
func isWordByte(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '_'
}

func isJoiner(c byte, joiners string) bool {
	for i := 0; i < len(joiners); i++ {
		if joiners[i] == c {
			return true
		}
	}
	return false
}
