package model

// piiKind is a PII token (pii_): a personal id number, never shown.
var piiKind = &KindSpec{
	Kind:     KindPII,
	Object:   "token",
	Prefixes: []string{"pii_"},
	Short:    "pii",
	Label:    "PII (id number)",
	About:    "a test id number, never shown",
}
