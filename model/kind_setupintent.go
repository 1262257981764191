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
	Fields: []DetailField{
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
		{Path: "next_action.type", Label: "next_action"},
		{Path: "next_action.url", Label: "challenge_url", Value: shownChallengeURL},
		{Path: "next_action.redirect_to_url.return_url", Label: "return_url"},
		{Path: "last_setup_error.code", Label: "last_error", Value: func(f Fields) string {
			return Outcome{Code: f.Get("last_setup_error.code"), DeclineCode: f.Get("last_setup_error.decline_code")}.Codes()
		}},
		{Path: "last_setup_error.message", Label: "last_error_message"},
		{Path: "cancellation_reason", Label: "cancellation_reason"},
		{Path: "created", Label: "created", Value: createdAt},
	},
	Drift: []DetailField{{Path: "status"}, {Path: "payment_method"}},
}
