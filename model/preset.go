package model

import (
	"strconv"
	"strings"
	"time"
)

// Defaults a preset fills in: a card that expires five years from now in
// December (always in the future, never near the MaxExpiryYears limit),
// Stripe's usual test CVC, and the holder name of Stripe's docs.
const (
	presetExpMonth   = 12
	presetExpYears   = 5
	presetCVC        = "123"
	presetAmexCVC    = "1234"
	presetHolderName = "Jenny Rosen"
	presetHolderType = "individual"
	presetCountry    = "US"
	presetCurrency   = "usd"
)

// FromPreset builds a complete token request from a preset name, ready to
// validate and send. An unknown name is a *FieldError (unknown_preset).
func FromPreset(name string) (TokenRequest, error) {
	return fromPreset(name, time.Now())
}

func fromPreset(name string, now time.Time) (TokenRequest, error) {
	for _, s := range Creatable() {
		if p, ok := s.Create.Preset(name); ok {
			return p.Request(now), nil
		}
	}
	return TokenRequest{}, requestErr("unknown_preset", "preset", unknownPresetMessage(name))
}

// unknownPresetMessage names the unknown preset, unless it has more than
// four digits in it: then it may be a card or id number typed in the wrong
// field, and is not echoed.
func unknownPresetMessage(name string) string {
	const hint = "; tokenscope presets lists them"
	digits := 0
	for _, r := range name {
		if r >= '0' && r <= '9' {
			digits++
		}
	}
	if digits > 4 {
		return "no preset has a name like that (it looks like a number; presets have names such as visa)" + hint
	}
	const max = 40
	if r := []rune(name); len(r) > max {
		name = string(r[:max]) + "…"
	}
	var names []string
	for _, s := range Creatable() {
		for _, p := range s.Create.Presets {
			names = append(names, p.Name)
		}
	}
	return Suggested("no preset is named "+strconv.Quote(name)+hint, name, names)
}

// trim is the cleaning of a free-text input.
var trim = strings.TrimSpace
