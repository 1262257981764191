package model

// The one card-number detector. Free-text fields (a cardholder name, a
// postal code, a bank holder's or a person's name) are sent to Stripe and
// come back in the Token, which tokenscope keeps on disk; state.json and
// the emulator's objects are scanned again before every write. Both ask this file,
// so what a form refuses and what the disk guard refuses never drift apart.
// It looks for card-like runs only: a 9-digit run may be an id number but
// is also a phone number, a postal code or an account number, too common
// in legitimate text to refuse.

// CardScan says how FindCardNumber reads text.
type CardScan struct {
	// Joiners are the bytes that may sit, one at a time, between the digit
	// groups of a card number.
	Joiners string
	// Standalone skips a run glued to a letter or _ on either side: inside
	// an id, a fingerprint or a hex hash (the emulator's idempotency
	// hashes), digits are noise, and a 64-digit hash holds a Luhn-valid
	// 16-digit stretch often enough to break writes.
	Standalone bool
}

var (
	// ScanTyped reads what a person types into a field: groups joined by
	// spaces or dashes, anywhere in the text ("Jenny4000 0566 ...").
	ScanTyped = CardScan{Joiners: " -"}
	// ScanStored reads a file about to be written: spaces only, as a dash
	// would join a UUID's last two groups ("a716-446655440000") into what
	// looks like 15 digits, and standalone runs only.
	ScanStored = CardScan{Joiners: " ", Standalone: true}
)

// minCardDigits and maxCardDigits bound a card number's length (ISO/IEC 7812).
const (
	minCardDigits = 13
	maxCardDigits = 19
)

// FindCardNumber finds the first run of 13 to 19 digits in text that passes
// the Luhn check, written solid or in groups split by single joiners (see
// CardScan). A longer run is not a card number. It returns the run's offset
// and its last 4 digits, or -1 and "": callers name the secret by its last
// 4, never repeat it.
func FindCardNumber(text []byte, scan CardScan) (offset int, last4 string) {
	var buf [maxCardDigits]byte
	for i := 0; i < len(text); i++ {
		if !isDigit(text[i]) {
			continue
		}
		start, n := i, 0
		for ; i < len(text); i++ {
			c := text[i]
			if isJoiner(c, scan.Joiners) && i+1 < len(text) && isDigit(text[i+1]) {
				continue
			}
			if !isDigit(c) {
				break
			}
			if n < len(buf) {
				buf[n] = c
			}
			n++
		}
		if scan.Standalone && (start > 0 && isWordByte(text[start-1]) || i < len(text) && isWordByte(text[i])) {
			continue
		}
		if n >= minCardDigits && n <= len(buf) && Luhn(string(buf[:n])) {
			return start, string(buf[n-4 : n])
		}
	}
	return -1, ""
}

// LooksLikeCardNumber reports whether typed text holds a card number, with
// spaces or dashes between the groups, and returns its last 4 digits.
func LooksLikeCardNumber(s string) (last4 string, ok bool) {
	off, last4 := FindCardNumber([]byte(s), ScanTyped)
	return last4, off >= 0
}

func isDigit(c byte) bool { return c >= '0' && c <= '9' }

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
