package model

import "time"

// Stripe's published test data may be written out (a report's curl line,
// an exported scenario); anything else typed into tokenscope may not. These
// find, for a request or a recorded token, the catalog preset that stands
// for it: the very test data when it was that, else (for a masked number)
// the preset with the same brand and last 4, which behaves the same in
// test mode. They read the kind registry only, so a kind with presets is
// covered by its entry.

// TestDataOf names the preset of a create request's form parameters (get
// returns "" for a parameter not sent): exact is false when the values
// sent were not published test data but one has their brand and last 4.
// ok is false when no kind's identifying input was sent, or when nothing
// published stands for it.
func TestDataOf(get func(param string) string, now time.Time) (preset string, exact, ok bool) {
	for _, k := range Creatable() {
		if !sendsIdent(k.Create, get) {
			continue
		}
		req, _ := k.Create.FromParams(k, get)
		if p := k.Create.PresetOf(req, now); p != "" {
			return p, true, true
		}
		for _, p := range k.Create.Presets {
			if standsFor(k.Create, p.Request(now), req) {
				return p.Name, false, true
			}
		}
		return "", false, false
	}
	return "", false, false
}

// sendsIdent reports whether a form holds one of c's identifying
// sensitive inputs (a card number, an account number, an id number).
func sendsIdent(c *Creator, get func(string) string) bool {
	for _, in := range c.Inputs {
		if in.Ident && in.Sensitive() && in.Param != "" && get(in.Param) != "" {
			return true
		}
	}
	return false
}

// standsFor reports whether preset request p may stand for req: every
// identifying input agrees, a masked one by its brand and last 4 (what
// Stripe returns of it), and no secret one identifies the data (an id
// number has no part that may be shown).
func standsFor(c *Creator, p, req TokenRequest) bool {
	for _, in := range c.Inputs {
		if !in.Ident {
			continue
		}
		a, b := in.Get(p), in.Get(req)
		switch {
		case in.Secret:
			return false
		case in.Masked:
			if Last4(a) != Last4(b) || Brand(Digits(a)) != Brand(Digits(b)) {
				return false
			}
		case a != b:
			return false
		}
	}
	return true
}

// PresetNamed finds a preset of any kind by its name.
func PresetNamed(name string) (*KindSpec, Preset, bool) {
	for _, k := range Creatable() {
		if p, ok := k.Create.Preset(name); ok {
			return k, p, true
		}
	}
	return nil, Preset{}, false
}

// TestDataOfRecord names the preset a recorded token was made from, or
// that stands for it: the record's own preset, else the one whose
// identifying inputs show as the token does (the last 4 and brand under
// the kind's heading, a routing number as it is), preferring one that
// declines as the token's uses did. ok is false for a kind without
// presets and for a token nothing published stands for.
func TestDataOfRecord(r Record, now time.Time) (preset string, exact, ok bool) {
	k, found := SpecOf(r.Type)
	if !found || k.Create == nil {
		return "", false, false
	}
	if _, ok := k.Create.Preset(r.Preset); ok && r.Preset != "" {
		return r.Preset, true, true
	}
	obj, err := DecodeFields(r.Raw)
	if err != nil || k.Heading == "" || !obj.Has(k.Heading) {
		return "", false, false
	}
	var found1 string
	for _, p := range k.Create.Presets {
		if !showsAs(k, p.Request(now), obj) {
			continue
		}
		if declinesAs(p.Name, r.Uses) {
			return p.Name, false, true
		}
		if found1 == "" {
			found1 = p.Name
		}
	}
	return found1, false, found1 != ""
}

// showsAs reports whether preset request p would make a token whose
// object shows as obj does.
func showsAs(k *KindSpec, p TokenRequest, obj Fields) bool {
	for _, in := range k.Create.Inputs {
		if !in.Ident {
			continue
		}
		v := in.Get(p)
		switch {
		case in.Secret:
			return false
		case in.Masked:
			if obj.Get(k.Heading+".last4") != Last4(v) {
				return false
			}
			if b := obj.Get(k.Heading + ".brand"); b != "" && b != Brand(Digits(v)) {
				return false
			}
		case in.Attr != "" && obj.Has(k.Heading+"."+in.Attr) && obj.Get(k.Heading+"."+in.Attr) != v:
			return false
		}
	}
	return true
}

// declinesAs reports whether the test card named preset declines with
// the decline code the first refused use got ("" when none was refused:
// any card does).
func declinesAs(preset string, uses []Use) bool {
	code := ""
	for _, u := range uses {
		if u.DeclineCode != "" || u.Code != "" {
			code = u.DeclineCode
			break
		}
	}
	c, isCard := CardByName(preset)
	if !isCard {
		return code == ""
	}
	return c.Outcome.DeclineCode == code
}
