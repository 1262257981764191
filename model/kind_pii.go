package model

import "time"

// piiKind is a PII token (pii_): a personal id number, never shown.
var piiKind = &KindSpec{
	Kind:     KindPII,
	Object:   ObjectToken,
	Prefixes: []string{"pii_"},
	Short:    "pii",
	Label:    "PII (id number)",
	About:    "a test id number, never shown",
	Summary:  func(Fields) string { return "id number" },
	// It stands in for an individual account's id number.
	Uses: []UseKind{UseIDNumber},
	Create: &Creator{
		Command: "pii",
		Use:     "pii [--preset NAME | --id-number N]",
		Short:   "Create a PII (id number) token",
		Example: `  tokenscope create pii --preset id_match`,
		Inputs: []Input{
			bindText(Input{Attr: "id_number", Param: ParamIDNumber, Flag: "id-number", Usage: "id number (test: 000000000 matches, 111111111 does not); - reads another from stdin",
				Label: "ID number", Ident: true, Secret: true, Note: idNote, MaxLen: maxIDNumberLen, Check: checkText(ValidateIDNumber),
				Public: func(v string, _ TokenRequest) bool { _, ok := IDByNumber(v); return ok }},
				func(r *TokenRequest) *PIIInput {
					if r.PII == nil {
						r.PII = &PIIInput{}
					}
					return r.PII
				}, func(p *PIIInput) *string { return &p.IDNumber }, Digits),
		},
		Presets:     idPresets(),
		PresetLabel: "test id",
		New:         func(r *TokenRequest) { r.PII = &PIIInput{} },
		Validate: func(r TokenRequest, _ time.Time) *FieldError {
			if r.PII == nil {
				return missing("pii", "the id number")
			}
			return ValidateIDNumber(r.PII.IDNumber)
		},
	},
}

// idPresets are Stripe's test identity numbers.
func idPresets() []Preset {
	out := make([]Preset, len(IDNumbers))
	for i := range IDNumbers {
		p := &IDNumbers[i]
		out[i] = Preset{Name: p.Name, Expect: p.Expect, Request: func(time.Time) TokenRequest {
			return TokenRequest{Kind: KindPII, Preset: p.Name, PII: &PIIInput{IDNumber: p.IDNumber}}
		}}
	}
	return out
}

func idNote(n string) string {
	for _, p := range IDNumbers {
		if p.IDNumber == Digits(n) {
			return "test id: " + p.Name
		}
	}
	return ""
}
