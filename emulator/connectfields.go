package emulator

import (
	"slices"
	"strconv"
	"strings"

	"github.com/tokenscope/tokenscope/model"
)

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

// tosRec is an account's tos_acceptance.
type tosRec struct {
	Date             int64  `json:"date,omitempty"`
	IP               string `json:"ip,omitempty"`
	UserAgent        string `json:"user_agent,omitempty"`
	ServiceAgreement string `json:"service_agreement,omitempty"`
}

// businessProfileRec is an account's business_profile.
type businessProfileRec struct {
	MCC                string `json:"mcc,omitempty"`
	Name               string `json:"name,omitempty"`
	ProductDescription string `json:"product_description,omitempty"`
	SupportEmail       string `json:"support_email,omitempty"`
	SupportPhone       string `json:"support_phone,omitempty"`
	SupportURL         string `json:"support_url,omitempty"`
	URL                string `json:"url,omitempty"`
}

// relationshipRec is a person's relationship to the account's business.
type relationshipRec struct {
	Authorizer       bool    `json:"authorizer,omitempty"`
	Director         bool    `json:"director,omitempty"`
	Executive        bool    `json:"executive,omitempty"`
	LegalGuardian    bool    `json:"legal_guardian,omitempty"`
	Owner            bool    `json:"owner,omitempty"`
	Representative   bool    `json:"representative,omitempty"`
	Title            string  `json:"title,omitempty"`
	PercentOwnership float64 `json:"percent_ownership,omitempty"`
}

// flags are the relationship's booleans by name.
func (r *relationshipRec) flags() map[string]*bool {
	return map[string]*bool{"authorizer": &r.Authorizer, "director": &r.Director, "executive": &r.Executive,
		"legal_guardian": &r.LegalGuardian, "owner": &r.Owner, "representative": &r.Representative}
}

func (r relationshipRec) is(name string) bool {
	f := r.flags()[name]
	return f != nil && *f
}

// readParts reads name[part] parameters into the strings parts names,
// refusing a part it does not; given says one was there.
func readParts(p params, name string, parts map[string]*string) (given bool, aerr *model.Error) {
	for key := range p.Values {
		rest, ok := strings.CutPrefix(key, name+"[")
		if !ok {
			continue
		}
		part, _ := strings.CutSuffix(rest, "]")
		field := parts[part]
		if field == nil {
			return false, invalid("parameter_unknown", key, "Received unknown parameter: "+key)
		}
		*field, given = p.get(key), true
	}
	return given, nil
}

// readAccountProfile reads tos_acceptance[...] and business_profile[...].
func readAccountProfile(p params, a *accountRec) *model.Error {
	var date string
	if a.TOS.Date != 0 {
		date = strconv.FormatInt(a.TOS.Date, 10)
	}
	t, bp := &a.TOS, &a.BusinessProfile
	if _, aerr := readParts(p, "tos_acceptance", map[string]*string{"date": &date, "ip": &t.IP,
		"user_agent": &t.UserAgent, "service_agreement": &t.ServiceAgreement}); aerr != nil {
		return aerr
	}
	if date != "" {
		n, err := strconv.ParseInt(date, 10, 64)
		if err != nil {
			return invalid("parameter_invalid_integer", "tos_acceptance[date]", "Invalid integer: "+date)
		}
		t.Date = n
	}
	if t.ServiceAgreement != "" && t.ServiceAgreement != "full" && t.ServiceAgreement != "recipient" {
		return invalid("", "tos_acceptance[service_agreement]", "Invalid tos_acceptance[service_agreement]: must be one of full, recipient")
	}
	_, aerr := readParts(p, "business_profile", map[string]*string{"mcc": &bp.MCC, "name": &bp.Name,
		"product_description": &bp.ProductDescription, "support_email": &bp.SupportEmail,
		"support_phone": &bp.SupportPhone, "support_url": &bp.SupportURL, "url": &bp.URL})
	return aerr
}

// readRelationship reads relationship[...] into r.
func readRelationship(p params, r *relationshipRec) *model.Error {
	texts := map[string]*string{"title": &r.Title}
	values := map[string]*string{}
	for name := range r.flags() {
		values[name] = new(string)
		texts[name] = values[name]
	}
	percent := new(string)
	texts["percent_ownership"] = percent
	if _, aerr := readParts(p, "relationship", texts); aerr != nil {
		return aerr
	}
	for name, flag := range r.flags() {
		switch v := *values[name]; v {
		case "":
		case "true", "false":
			*flag = v == "true"
		default:
			return invalid("", "relationship["+name+"]", "Invalid boolean: "+v)
		}
	}
	if *percent != "" {
		n, err := strconv.ParseFloat(*percent, 64)
		if err != nil || n < 0 || n > 100 {
			return invalid("", "relationship[percent_ownership]", "Invalid relationship[percent_ownership]: a number from 0 to 100")
		}
		r.PercentOwnership = n
	}
	return nil
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

type businessProfileJSON struct {
	MCC                *string         `json:"mcc"`
	Name               *string         `json:"name"`
	ProductDescription *string         `json:"product_description"`
	SupportAddress     *billingAddress `json:"support_address"`
	SupportEmail       *string         `json:"support_email"`
	SupportPhone       *string         `json:"support_phone"`
	SupportURL         *string         `json:"support_url"`
	URL                *string         `json:"url"`
}

type tosJSON struct {
	Date             *int64  `json:"date"`
	IP               *string `json:"ip"`
	ServiceAgreement string  `json:"service_agreement,omitempty"`
	UserAgent        *string `json:"user_agent"`
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
	bp := a.BusinessProfile
	out.Type, out.Controller = typ, accountTypes[typ]
	out.BusinessProfile = &businessProfileJSON{MCC: opt(bp.MCC), Name: opt(bp.Name), ProductDescription: opt(bp.ProductDescription),
		SupportEmail: opt(bp.SupportEmail), SupportPhone: opt(bp.SupportPhone), SupportURL: opt(bp.SupportURL), URL: opt(bp.URL)}
	out.TOSAcceptance = tosJSON{IP: opt(a.TOS.IP), ServiceAgreement: a.TOS.ServiceAgreement, UserAgent: opt(a.TOS.UserAgent)}
	if a.TOS.Date != 0 {
		out.TOSAcceptance.Date = &a.TOS.Date
	}
	s := &settingsJSON{}
	s.Dashboard.DisplayName, s.Dashboard.Timezone = opt(bp.Name), "Etc/UTC"
	s.Payouts.DebitNegativeBalances = typ != "standard"
	s.Payouts.Schedule.DelayDays, s.Payouts.Schedule.Interval = 2, "daily"
	out.Settings = s

	due := []string{"external_account"}
	for field, missing := range map[string]bool{"business_profile.mcc": bp.MCC == "", "business_profile.url": bp.URL == "" && bp.ProductDescription == "",
		"business_type": a.BusinessType == "", "tos_acceptance.date": a.TOS.Date == 0, "tos_acceptance.ip": a.TOS.IP == ""} {
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

type relationshipJSON struct {
	Authorizer       bool     `json:"authorizer"`
	Director         bool     `json:"director"`
	Executive        bool     `json:"executive"`
	LegalGuardian    bool     `json:"legal_guardian"`
	Owner            bool     `json:"owner"`
	PercentOwnership *float64 `json:"percent_ownership"`
	Representative   bool     `json:"representative"`
	Title            *string  `json:"title"`
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
	r := p.Relationship
	out.Address = &billingAddress{}
	out.Relationship = relationshipJSON{Authorizer: r.Authorizer, Director: r.Director, Executive: r.Executive,
		LegalGuardian: r.LegalGuardian, Owner: r.Owner, Representative: r.Representative, Title: opt(r.Title)}
	if r.PercentOwnership != 0 {
		out.Relationship.PercentOwnership = &r.PercentOwnership
	}
	out.Requirements, out.FutureRequirements = personRequirements(personDue(p)), personRequirements([]string{})
	out.Verification.Status = "unverified"
	if p.IDNumberProvided {
		out.Verification.Status = "verified"
	}
}
