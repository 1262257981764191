package model

// The one card-number detector. Free-text fields (a cardholder name, a
// postal code, a bank holder's or a person's name) are sent to Stripe and
// come back in the Token, which tokenscope keeps on disk; state.json and
// the emulator's objects are scanned again before every write, and
// everything printed is masked with it (MaskSecrets). All of them ask this
// file, so what a form refuses, what the disk guard refuses and what output
// masks never drift apart. It looks for card-like runs only: a 9-digit run
// may be an id number but is also a phone number, a postal code or an
// account number, too common in legitimate text to refuse.

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
	// Windows also finds a card number inside a longer run of digits (a
	// number typed with more digits after it, "4000056655665556 12"): any
	// 13 to 19 consecutive digits of the run that pass the Luhn check.
	// Without it only a whole run of 13 to 19 digits counts, as a file
	// holds long numbers (nanosecond times) that are no card.
	Windows bool
}

var (
	// ScanTyped reads what a person types into a field, or what is about to
	// be printed: groups joined by spaces, dashes, dots or underscores,
	// anywhere in the text ("Jenny4000.0566..."), inside longer runs too.
	// A UUID (a lock id) is never read as one.
	ScanTyped = CardScan{Joiners: " -._", Windows: true}
	// ScanStored reads a file about to be written: no dashes, as a dash
	// would join a UUID's last two groups ("a716-446655440000") into what
	// looks like 15 digits, and standalone runs only.
	ScanStored = CardScan{Joiners: " ._", Standalone: true}
)

// minCardDigits and maxCardDigits bound a card number's length (ISO/IEC 7812).
const (
	minCardDigits = 13
	maxCardDigits = 19
	// maxWindowRun is the longest run whose windows are each checked; a
	// longer run of digits (Windows) counts as a card number at once: it
	// holds a Luhn-valid stretch all but surely, and checking them all
	// would make a megabyte of digits cost seconds.
	maxWindowRun = 64
)

// cardRun is a run of digits found in text: where it starts and ends (end
// exclusive, joiners included), its digits (up to maxWindowRun) and the
// last 4 of the card number in it.
type cardRun struct {
	start, end int
	digits     string
	last4      string
}

// FindCardNumber finds the first run of 13 to 19 digits in text that passes
// the Luhn check, written solid or in groups split by single joiners (see
// CardScan). A longer run is not a card number unless scan.Windows. It
// returns the run's offset and its last 4 digits, or -1 and "": callers
// name the secret by its last 4, never repeat it.
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
	var buf [maxWindowRun]byte
	for i := from; i < len(text); i++ {
		if scan.Windows && isHex(text[i]) && (i == 0 || !isAlnum(text[i-1])) {
			if n := uuidLen(text[i:]); n > 0 {
				i += n - 1
				continue
			}
		}
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
		end := i
		i-- // the outer loop's i++ lands on the byte after the run
		if scan.Standalone && (start > 0 && isWordByte(text[start-1]) || end < len(text) && isWordByte(text[end])) {
			continue
		}
		if last4, ok := scan.card(buf[:min(n, len(buf))], n); ok {
			return cardRun{start: start, end: end, digits: string(buf[:min(n, len(buf))]), last4: last4}, true
		}
	}
	return cardRun{}, false
}

// card says whether a run of n digits (d holds the first maxWindowRun)
// is, or with Windows holds, a card number, and gives its last 4.
func (scan CardScan) card(d []byte, n int) (string, bool) {
	switch {
	case n < minCardDigits:
		return "", false
	case n <= maxCardDigits && luhnBytes(d):
		return string(d[n-4:]), true
	case !scan.Windows:
		return "", false
	case n > maxWindowRun:
		return string(d[len(d)-4:]), true
	}
	for size := maxCardDigits; size >= minCardDigits; size-- {
		for at := 0; at+size <= len(d); at++ {
			if w := d[at : at+size]; luhnBytes(w) {
				return string(w[size-4:]), true
			}
		}
	}
	return "", false
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
