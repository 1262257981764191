package emulator

import (
	"slices"
	"testing"
)

// due is an account's or person's requirements.currently_due.
func due(t *testing.T, obj map[string]any) []string {
	t.Helper()
	var out []string
	for _, f := range obj["requirements"].(map[string]any)["currently_due"].([]any) {
		out = append(out, f.(string))
	}
	return out
}

// Requirements say what the emulator knows an account lacks, and clear
// as it is given.
func TestAccountRequirements(t *testing.T) {
	e, _ := New(Options{Now: clock})
	a := answer(t, e, "POST", "/v1/accounts", "type=custom&business_type=individual&individual[first_name]=Jenny")
	id := a["id"].(string)
	want := []string{"business_profile.mcc", "business_profile.url", "external_account", "individual.id_number",
		"individual.last_name", "tos_acceptance.date", "tos_acceptance.ip"}
	if got := due(t, a); !slices.Equal(got, want) {
		t.Errorf("currently_due %v, want %v", got, want)
	}
	if r := a["requirements"].(map[string]any); r["disabled_reason"] != "requirements.past_due" {
		t.Errorf("disabled_reason: %v", r["disabled_reason"])
	}
	if ind := a["individual"].(map[string]any); !slices.Equal(due(t, ind), []string{"id_number", "last_name"}) ||
		ind["verification"].(map[string]any)["status"] != "unverified" {
		t.Errorf("individual: requirements %v, verification %v", ind["requirements"], ind["verification"])
	}

	a = answer(t, e, "POST", "/v1/accounts/"+id, "individual[last_name]=Rosen&individual[id_number]=000000000"+
		"&tos_acceptance[date]=1700000000&tos_acceptance[ip]=127.0.0.1&business_profile[mcc]=5734&business_profile[url]=https://example.com")
	if got := due(t, a); !slices.Equal(got, []string{"external_account"}) {
		t.Errorf("currently_due after the update: %v", got)
	}
	tos := a["tos_acceptance"].(map[string]any)
	if tos["date"] != 1700000000.0 || tos["ip"] != "127.0.0.1" || a["business_profile"].(map[string]any)["mcc"] != "5734" {
		t.Errorf("tos_acceptance %v, business_profile %v", tos, a["business_profile"])
	}
	if ind := a["individual"].(map[string]any); ind["verification"].(map[string]any)["status"] != "verified" ||
		ind["relationship"].(map[string]any)["representative"] != true {
		t.Errorf("individual after the update: %v", ind)
	}
	for _, body := range []string{"tos_acceptance[date]=soon", "business_profile[color]=red"} {
		if rec := do(t, e, "POST", "/v1/accounts/"+id, testKey, body, nil); rec.Code != 400 {
			t.Errorf("%s: %d %s", body, rec.Code, rec.Body)
		}
	}
}

// Express and standard accounts are made, with Stripe's controller for
// each.
func TestAccountTypes(t *testing.T) {
	e, _ := New(Options{Now: clock})
	for typ, dashboard := range map[string]string{"custom": "none", "express": "express", "standard": "full"} {
		a := answer(t, e, "POST", "/v1/accounts", "type="+typ)
		again := answer(t, e, "GET", "/v1/accounts/"+a["id"].(string), "")
		ctl := again["controller"].(map[string]any)
		if again["type"] != typ || ctl["stripe_dashboard"].(map[string]any)["type"] != dashboard {
			t.Errorf("type=%s: type %v, controller %v", typ, again["type"], ctl)
		}
	}
	if rec := do(t, e, "POST", "/v1/accounts", testKey, "type=platinum", nil); rec.Code != 400 || errorBody(t, rec).Param != "type" {
		t.Errorf("type=platinum: %d %s", rec.Code, rec.Body)
	}
}
