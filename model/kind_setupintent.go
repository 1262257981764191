package model

// KindSetupIntent is a SetupIntent (seti_): a card saved for later
// payments, read by `get` and the object pane.
const KindSetupIntent Kind = "setup_intent"

// setupIntentKind is a SetupIntent: its status (a PaymentIntent's, but
// capture), the card it sets up and for whom.
var setupIntentKind = &KindSpec{
	Kind:     KindSetupIntent,
	Object:   string(KindSetupIntent),
	Prefixes: []string{"seti_"},
	Short:    "seti",
	Label:    "SetupIntent",
	Path:     "/v1/setup_intents/",
	Summary:  func(f Fields) string { return JoinWords(f.Get("usage"), f.Get("status")) },
	Fields: append([]DetailField{
		{Path: "status", Label: "status", Value: func(f Fields) string {
			s := f.Get("status")
			if why := SetupIntentStatusNote(s); why != "" {
				return s + ": " + why
			}
			return s
		}},
		{Path: "usage", Label: "usage"},
		{Path: "payment_method", Label: "payment_method"},
		{Path: "customer", Label: "customer"},
	}, intentFields("last_setup_error")...),
	Drift: []DetailField{{Path: "status"}, {Path: "payment_method"}},
}
