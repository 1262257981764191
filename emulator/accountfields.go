package emulator

import (
	"slices"

	"github.com/tokenscope/tokenscope/model"
)

// The parts of a Connect account and its persons the emulator keeps
// whole (subObject): the sub-keys of Stripe's API it stores and returns.
// Others Stripe has (company[verification], business_profile[annual_revenue]
// ...) are refused as unknown parameters.

var addressFields = []string{"address[city]", "address[country]", "address[line1]", "address[line2]", "address[postal_code]", "address[state]"}

func withAddress(fields map[string]fieldKind) map[string]fieldKind {
	for _, f := range addressFields {
		fields[f] = textField
	}
	return fields
}

var (
	companyObject = subObject{name: "company", fields: withAddress(map[string]fieldKind{
		"name": textField, "phone": textField, "structure": textField,
		"directors_provided": boolField, "executives_provided": boolField, "owners_provided": boolField,
		"tax_id": providedField, "vat_id": providedField,
	})}
	businessProfileObject = subObject{name: "business_profile", fields: map[string]fieldKind{
		"mcc": textField, "name": textField, "product_description": textField, "support_email": textField,
		"support_phone": textField, "support_url": textField, "url": textField,
	}}
	tosAcceptanceObject = subObject{name: "tos_acceptance", fields: map[string]fieldKind{
		"date": intField, "ip": textField, "service_agreement": textField, "user_agent": textField,
	}}
	relationshipObject = subObject{name: "relationship", fields: map[string]fieldKind{
		"authorizer": boolField, "director": boolField, "executive": boolField, "legal_guardian": boolField,
		"owner": boolField, "representative": boolField, "percent_ownership": numberField, "title": textField,
	}}
)

// capabilityNames are the capabilities an account may request
// (capabilities[<name>][requested]=true). A requested capability is
// inactive, as on a custom account whose requirements are not met.
var capabilityNames = []string{"card_payments", "legacy_payments", "link_payments", "tax_reporting_us_1099_k",
	"tax_reporting_us_1099_misc", "transfers", "us_bank_account_ach_payments"}

func capabilityParams() []string {
	var out []string
	for _, n := range capabilityNames {
		out = append(out, "capabilities["+n+"][requested]")
	}
	return out
}

// readCapabilities applies capabilities[<name>][requested] to the names
// requested so far.
func readCapabilities(p params, old []string) ([]string, *model.Error) {
	out := slices.Clone(old)
	for _, n := range capabilityNames {
		param := "capabilities[" + n + "][requested]"
		if !p.Has(param) {
			continue
		}
		requested, aerr := p.boolean(param)
		if aerr != nil {
			return nil, aerr
		}
		out = slices.DeleteFunc(out, func(s string) bool { return s == n })
		if requested {
			out = append(out, n)
		}
	}
	slices.Sort(out)
	return out, nil
}

// renderCapabilities is the account's capabilities by name: each
// requested one inactive.
func renderCapabilities(names []string) map[string]string {
	out := map[string]string{}
	for _, n := range names {
		out[n] = "inactive"
	}
	return out
}

// individualParams are the individual[...] keys an account takes: what
// the emulator keeps of its person.
var individualParams = []string{"individual[first_name]", "individual[last_name]", "individual[email]", "individual[id_number]"}
