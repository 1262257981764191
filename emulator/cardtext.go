package emulator

import (
	"maps"
	"net/url"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/tokenscope/tokenscope/model"
)

// A card number in a field the emulator stores (a description, an email,
// metadata, an address) would be kept in its files and sent back in every
// answer. Stripe takes it; tokenscope keeps no card number on disk, so
// what really reads as one (model.ScanSent: a whole number, of a length
// its brand allows, passing the Luhn check, not inside an id) is refused.
// About 1 in 40 random 16-digit order ids still reads as one, and a suite
// may store real-looking test numbers on purpose: the emulator's
// AllowCardNumbersInText (tokenscope emulator
// --allow-card-numbers-in-text) takes them, and its objects then keep
// them as sent.

// numberFields are the params whose value is a number the emulator reads
// and drops (tokenization keeps last4 and a fingerprint): the only ones
// where a card-like run of digits belongs. A bank account number may be
// 13 to 17 digits and pass the Luhn check by chance.
var numberFields = []string{"[number]", "[account_number]", "[id_number]", "[cvc]"}

// allowCardsFlag is how a user of tokenscope emulator turns the refusal
// off; its message names it.
const allowCardsFlag = "--allow-card-numbers-in-text"

// refuseCardNumbers refuses a string over Stripe's 5000 characters in any
// param but the number fields and, unless allowCards, a card number: the
// disk guard (fsutil.CheckSecrets) would refuse the write too, but does
// not read a number grouped with dashes, which a UUID would look like.
func refuseCardNumbers(v url.Values, allowCards bool) *model.Error {
	for _, k := range slices.Sorted(maps.Keys(v)) { // the same param named each time
		if slices.ContainsFunc(numberFields, func(f string) bool { return strings.HasSuffix(k, f) }) {
			continue
		}
		for _, s := range v[k] {
			if utf8.RuneCountInString(s) > model.MaxFreeText {
				return invalid("parameter_invalid_string", k, model.TooLongMessage(s, model.MaxFreeText))
			}
			if allowCards {
				continue
			}
			if off, last4 := model.FindCardNumber([]byte(s), model.ScanSent); off >= 0 {
				return invalid("parameter_invalid_string", k, "This value looks like a card number (ending "+last4+
					"), and the tokenscope emulator keeps no card number: it would be stored and sent back in every answer. "+
					"If it is not one (an order id, a timestamp), start the emulator with "+allowCardsFlag+".")
			}
		}
	}
	return nil
}
