package model

import (
	"testing"
	"time"
	"unicode/utf8"
)

// Every form field has a limit (testui#2), and every value tokenscope
// fills one with (a preset's test data as the form shows it, an example,
// a default) fits it: a limit never cuts tokenscope's own test data.
func TestInputLimitsFitTheirTestData(t *testing.T) {
	now := time.Date(2026, 12, 5, 0, 0, 0, 0, time.UTC)
	for _, s := range Kinds() {
		if s.Create == nil {
			continue
		}
		for _, in := range s.Create.Inputs {
			if in.Label == "" {
				continue
			}
			limit := in.Limit()
			if limit <= 0 || limit > MaxFreeText {
				t.Errorf("%s %s: limit %d", s.Kind, in.Label, limit)
			}
			values := []string{in.Example, in.Default}
			for _, p := range s.Create.Presets {
				v := in.Get(p.Request(now))
				if in.Show != nil {
					v = in.Show(v)
				}
				values = append(values, v)
			}
			for _, v := range values {
				if n := utf8.RuneCountInString(v); n > limit {
					t.Errorf("%s %s: %q (%d characters) is over the field's limit, %d", s.Kind, in.Label, v, n, limit)
				}
			}
		}
	}
}
