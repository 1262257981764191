package model

import "time"

// FromPresetAt is FromPreset on a given clock: the TUI passes its own clock
// so that a fixed clock (golden tests) gives a fixed expiry year.
func FromPresetAt(name string, now time.Time) (TokenRequest, error) {
	return fromPreset(name, now)
}
