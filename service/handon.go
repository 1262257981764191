package service

import "github.com/tokenscope/tokenscope/model/state"

// CheckHandedOn applies SaveOutput's guard to what a serve guest gets in
// place of a file (a report, an export, copied to their clipboard and
// shown): a card number other than Stripe's published test cards, or a
// key, refuses it as it would refuse the file. refused names what was not
// done ("report not copied").
func CheckHandedOn(refused string, data []byte) error {
	return state.CheckOutput(refused, data)
}
