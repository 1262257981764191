package model

import "sort"

// Lookups over the catalog and the explanation table that only the tests
// need: the commands and the TUI go through the kind registry instead.

// CardForDecline finds the test card that simulates a decline code.
func CardForDecline(declineCode string) (*CardPreset, bool) {
	for i := range Cards {
		if Cards[i].Outcome.DeclineCode == declineCode {
			return &Cards[i], true
		}
	}
	return nil, false
}

// PresetNames lists every preset name, sorted, for usage messages.
func PresetNames() []string {
	var names []string
	for _, s := range Creatable() {
		for _, p := range s.Create.Presets {
			names = append(names, p.Name)
		}
	}
	sort.Strings(names)
	return names
}

// PresetKind says which kind of token a preset name makes.
func PresetKind(name string) (Kind, bool) {
	for _, s := range Creatable() {
		if _, ok := s.Create.Preset(name); ok {
			return s.Kind, true
		}
	}
	return "", false
}

// Explain looks up a code or decline code in the table.
func Explain(code string) (Explanation, bool) {
	x, ok := explanations[code]
	return x, ok
}
