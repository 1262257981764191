package emulator

import "slices"

// The fields Stripe always sends on an account and a person, with the
// values a test-mode account has: requirements are what the emulator
// knows to be missing (names, id number, terms of service, business
// profile, an external account, which the emulator cannot add), due at
// once; nothing is ever pending verification or in the future.

// accountTypes are the account types POST /v1/accounts makes, and how
// Stripe's controller describes each.
var accountTypes = map[string]controllerJSON{
	"custom": {Fees: controllerFees{"application_custom"}, IsController: true, Losses: controllerLosses{"application"},
		RequirementCollection: "application", StripeDashboard: controllerDashboard{"none"}, Type: "application"},
	"express": {Fees: controllerFees{"application_express"}, IsController: true, Losses: controllerLosses{"application"},
		RequirementCollection: "stripe", StripeDashboard: controllerDashboard{"express"}, Type: "application"},
	"standard": {Fees: controllerFees{"account"}, IsController: true, Losses: controllerLosses{"stripe"},
		RequirementCollection: "stripe", StripeDashboard: controllerDashboard{"full"}, Type: "application"},
}

type controllerJSON struct {
	Fees                  controllerFees      `json:"fees"`
	IsController          bool                `json:"is_controller"`
	Losses                controllerLosses    `json:"losses"`
	RequirementCollection string              `json:"requirement_collection"`
	StripeDashboard       controllerDashboard `json:"stripe_dashboard"`
	Type                  string              `json:"type"`
}

type controllerFees struct {
	Payer string `json:"payer"`
}

type controllerLosses struct {
	Payments string `json:"payments"`
}

type controllerDashboard struct {
	Type string `json:"type"`
}

type requirementsJSON struct {
	Alternatives        []any    `json:"alternatives"`
	CurrentDeadline     *int64   `json:"current_deadline"`
	CurrentlyDue        []string `json:"currently_due"`
	DisabledReason      *string  `json:"disabled_reason"`
	Errors              []any    `json:"errors"`
	EventuallyDue       []string `json:"eventually_due"`
	PastDue             []string `json:"past_due"`
	PendingVerification []string `json:"pending_verification"`
}

// requirements are due (and past due: a test account has no grace
// period) at once; an account with any is disabled for them.
func requirements(due []string) requirementsJSON {
	slices.Sort(due)
	r := requirementsJSON{Alternatives: []any{}, CurrentlyDue: due, Errors: []any{}, EventuallyDue: due,
		PastDue: due, PendingVerification: []string{}}
	if len(due) > 0 {
		r.DisabledReason = opt("requirements.past_due")
	}
	return r
}

type settingsJSON struct {
	Branding struct {
		Icon           *string `json:"icon"`
		Logo           *string `json:"logo"`
		PrimaryColor   *string `json:"primary_color"`
		SecondaryColor *string `json:"secondary_color"`
	} `json:"branding"`
	CardPayments struct {
		DeclineOn struct {
			AVSFailure bool `json:"avs_failure"`
			CVCFailure bool `json:"cvc_failure"`
		} `json:"decline_on"`
		StatementDescriptorPrefix      *string `json:"statement_descriptor_prefix"`
		StatementDescriptorPrefixKana  *string `json:"statement_descriptor_prefix_kana"`
		StatementDescriptorPrefixKanji *string `json:"statement_descriptor_prefix_kanji"`
	} `json:"card_payments"`
	Dashboard struct {
		DisplayName *string `json:"display_name"`
		Timezone    string  `json:"timezone"`
	} `json:"dashboard"`
	Payments struct {
		StatementDescriptor      *string `json:"statement_descriptor"`
		StatementDescriptorKana  *string `json:"statement_descriptor_kana"`
		StatementDescriptorKanji *string `json:"statement_descriptor_kanji"`
	} `json:"payments"`
	Payouts struct {
		DebitNegativeBalances bool `json:"debit_negative_balances"`
		Schedule              struct {
			DelayDays int    `json:"delay_days"`
			Interval  string `json:"interval"`
		} `json:"schedule"`
		StatementDescriptor *string `json:"statement_descriptor"`
	} `json:"payouts"`
}

// accountDetails fills in the fields every account has.
func accountDetails(out *accountJSON, a *accountRec, individual *personRec) {
	typ := cmpOr(a.Type, "custom")
	bp, tos := a.BusinessProfile, a.TOSAcceptance
	out.Type, out.Controller = typ, accountTypes[typ]
	out.BusinessProfile = withNulls(out.BusinessProfile, "mcc", "name", "product_description", "support_address",
		"support_email", "support_phone", "support_url", "url")
	out.TOSAcceptance = withNulls(out.TOSAcceptance, "date", "ip", "user_agent")
	s := &settingsJSON{}
	s.Dashboard.DisplayName, s.Dashboard.Timezone = opt(bp["name"]), "Etc/UTC"
	s.Payouts.DebitNegativeBalances = typ != "standard"
	s.Payouts.Schedule.DelayDays, s.Payouts.Schedule.Interval = 2, "daily"
	out.Settings = s

	due := []string{"external_account"}
	for field, missing := range map[string]bool{"business_profile.mcc": bp["mcc"] == "",
		"business_profile.url": bp["url"] == "" && bp["product_description"] == "",
		"business_type":        a.BusinessType == "", "tos_acceptance.date": tos["date"] == "", "tos_acceptance.ip": tos["ip"] == ""} {
		if missing {
			due = append(due, field)
		}
	}
	if a.BusinessType == "individual" {
		for _, f := range personDue(individual) {
			due = append(due, "individual."+f)
		}
	}
	out.Requirements, out.FutureRequirements = requirements(due), requirements([]string{})
}

// withNulls is obj (nil: none kept) with each of keys it lacks null, as
// Stripe sends the keys of an object it always sends.
func withNulls(obj map[string]any, keys ...string) map[string]any {
	if obj == nil {
		obj = map[string]any{}
	}
	for _, k := range keys {
		if _, ok := obj[k]; !ok {
			obj[k] = nil
		}
	}
	return obj
}

// personDue is what the emulator knows a person lacks (nil: every field).
func personDue(p *personRec) []string {
	due := []string{}
	if p == nil || p.FirstName == "" {
		due = append(due, "first_name")
	}
	if p == nil || p.LastName == "" {
		due = append(due, "last_name")
	}
	if p == nil || !p.IDNumberProvided {
		due = append(due, "id_number")
	}
	return due
}

type personRequirementsJSON struct {
	Alternatives        []any    `json:"alternatives"`
	CurrentlyDue        []string `json:"currently_due"`
	Errors              []any    `json:"errors"`
	EventuallyDue       []string `json:"eventually_due"`
	PastDue             []string `json:"past_due"`
	PendingVerification []string `json:"pending_verification"`
}

func personRequirements(due []string) *personRequirementsJSON {
	slices.Sort(due)
	return &personRequirementsJSON{Alternatives: []any{}, CurrentlyDue: due, Errors: []any{}, EventuallyDue: due,
		PastDue: due, PendingVerification: []string{}}
}

type dobJSON struct {
	Day   *int `json:"day"`
	Month *int `json:"month"`
	Year  *int `json:"year"`
}

type verificationDocJSON struct {
	Back        *string `json:"back"`
	Details     *string `json:"details"`
	DetailsCode *string `json:"details_code"`
	Front       *string `json:"front"`
}

type verificationJSON struct {
	AdditionalDocument verificationDocJSON `json:"additional_document"`
	Details            *string             `json:"details"`
	DetailsCode        *string             `json:"details_code"`
	Document           verificationDocJSON `json:"document"`
	Status             string              `json:"status"`
}

// personDetails fills in the fields every person has. Verification is
// Stripe's test mode: a given id number verifies at once.
func personDetails(out *personJSON, p *personRec) {
	out.Address = &billingAddress{}
	out.Requirements, out.FutureRequirements = personRequirements(personDue(p)), personRequirements([]string{})
	out.Verification.Status = "unverified"
	if p.IDNumberProvided {
		out.Verification.Status = "verified"
	}
}
