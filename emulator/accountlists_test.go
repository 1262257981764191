package emulator

import (
	"slices"
	"testing"
)

// dataIDs are the ids of a list answer's data.
func dataIDs(t *testing.T, list map[string]any) []string {
	t.Helper()
	var out []string
	for _, o := range list["data"].([]any) {
		out = append(out, o.(map[string]any)["id"].(string))
	}
	return out
}

func TestListAccountsAndPersons(t *testing.T) {
	e, _ := New(Options{Now: clock})
	var accts []string
	for range 3 {
		accts = append(accts, answer(t, e, "POST", "/v1/accounts", "type=custom&business_type=company")["id"].(string))
	}
	slices.Reverse(accts) // newest first
	page := answer(t, e, "GET", "/v1/accounts?limit=2", "")
	if got := dataIDs(t, page); !slices.Equal(got, accts[:2]) || page["has_more"] != true {
		t.Errorf("first page %v (has_more %v), want %v", got, page["has_more"], accts[:2])
	}
	if got := dataIDs(t, answer(t, e, "GET", "/v1/accounts?starting_after="+accts[1], "")); !slices.Equal(got, accts[2:]) {
		t.Errorf("starting_after: %v", got)
	}
	if got := dataIDs(t, answer(t, e, "GET", "/v1/accounts?ending_before="+accts[1], "")); !slices.Equal(got, accts[:1]) {
		t.Errorf("ending_before: %v", got)
	}

	a, other := accts[0], accts[1]
	ceo := answer(t, e, "POST", "/v1/accounts/"+a+"/persons", "first_name=Ada&relationship[executive]=true&relationship[title]=CEO")["id"].(string)
	owner := answer(t, e, "POST", "/v1/accounts/"+a+"/persons", "first_name=Bo&relationship[owner]=true&relationship[percent_ownership]=60")["id"].(string)
	answer(t, e, "POST", "/v1/accounts/"+other+"/persons", "first_name=Cy")
	persons := "/v1/accounts/" + a + "/persons"
	for query, want := range map[string][]string{
		"":                                 {owner, ceo},
		"?relationship[owner]=true":        {owner},
		"?relationship[owner]=false":       {ceo},
		"?limit=1&starting_after=" + owner: {ceo},
	} {
		if got := dataIDs(t, answer(t, e, "GET", persons+query, "")); !slices.Equal(got, want) {
			t.Errorf("persons%s: %v, want %v", query, got, want)
		}
	}
	rel := answer(t, e, "GET", persons+"/"+ceo, "")["relationship"].(map[string]any)
	if rel["executive"] != true || rel["title"] != "CEO" || rel["owner"] != false || rel["percent_ownership"] != nil {
		t.Errorf("relationship: %v", rel)
	}
	answer(t, e, "POST", persons+"/"+ceo, "relationship[executive]=false&relationship[owner]=true")
	if got := dataIDs(t, answer(t, e, "GET", persons+"?relationship[executive]=true", "")); len(got) != 0 {
		t.Errorf("executives after the update: %v", got)
	}
	for _, path := range []string{"/v1/accounts/acct_nope/persons", persons + "?relationship[pet]=true", persons + "?relationship[owner]=maybe"} {
		if rec := do(t, e, "GET", path, testKey, "", nil); rec.Code/100 != 4 {
			t.Errorf("GET %s: %d %s", path, rec.Code, rec.Body)
		}
	}
}
