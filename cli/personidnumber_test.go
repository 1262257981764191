package cli

import (
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"regexp"
	"strings"
	"testing"

	"github.com/tokenscope/tokenscope/emulator"
)

// use pii_… --id-number-for person_… gives the id number to a person of
// an account the state knows, found as get finds it: an individual
// account's own person, or a company's representative made outside
// tokenscope. The plan names the persons route; the id number itself is
// in no output and no file, and an unknown person is refused with the
// param and Stripe's code, the token left unused.
func TestIDNumberForAPerson(t *testing.T) {
	s := newSandbox(t)
	const number = "123456789" // no test number: what a user types
	var seen []result
	ok := func(args ...string) result { r := s.ok(args...); seen = append(seen, r); return r }

	ct := token(t, ok("create", "account", "--business-type", "individual", "--first-name", "Jenny", "--json").out).ID
	acct := useObject(t, ok("use", ct, "--account", "--json").out)
	person := regexp.MustCompile(`person_[A-Za-z0-9]+`).FindString(ok("get", acct, "--json").out)
	r := s.input(number+"\n").ok("create", "pii", "--id-number", "-", "--json")
	seen = append(seen, r)
	pii := token(t, r.out).ID

	plan := ok("use", pii, "--id-number-for", person, "--dry-run")
	if !strings.Contains(plan.out, "POST /v1/accounts/{account}/persons/"+person) || !strings.Contains(plan.out, "id_number_provided = false -> true") {
		t.Errorf("the plan:\n%s", plan.out)
	}
	used := ok("use", pii, "--id-number-for", person)
	if !strings.Contains(used.out, "gave "+pii+" as the id number of "+person) || !strings.Contains(used.out, "● used") {
		t.Errorf("use:\n%s", used.out)
	}
	if r := ok("get", person); !regexp.MustCompile(`id_number_provided +true`).MatchString(r.out) {
		t.Errorf("get %s:\n%s", person, r.out)
	}
	if r := ok("state", "show", pii, "--json"); !strings.Contains(r.out, `"object_id": "`+person+`"`) {
		t.Errorf("the token's use:\n%s", r.out)
	}

	// A company's representative, made as a person of the account by
	// another program (tokenscope makes no persons).
	cct := token(t, ok("create", "account", "--business-type", "company", "--json").out).ID
	company := useObject(t, ok("use", cct, "--account", "--json").out)
	rep := representative(t, s.dir, company)
	pii2 := s.create("pii", "id_match")
	if r := s.expect(1, "use", pii2, "--id-number-for", company); !strings.Contains(r.errOut, "--id-number-for person_") {
		t.Errorf("an individual's id number for a company does not point to its persons:\n%s", r.errOut)
	}
	if r := ok("use", pii2, "--id-number-for", rep, "--json"); !strings.Contains(r.out, `"object_id": "`+rep+`"`) && !strings.Contains(r.out, `"object_id":"`+rep+`"`) {
		t.Errorf("use --json for the representative:\n%s", r.out)
	}
	if r := ok("get", rep); !regexp.MustCompile(`id_number_provided +true`).MatchString(r.out) || !strings.Contains(r.out, company) {
		t.Errorf("get %s:\n%s", rep, r.out)
	}

	pii3 := s.create("pii", "id_match")
	r = s.expect(1, "use", pii3, "--id-number-for", "person_nope")
	if !strings.Contains(r.errOut, "resource_missing") || !regexp.MustCompile(`param +person`).MatchString(r.errOut) {
		t.Errorf("an unknown person:\n%s", r.errOut)
	}
	if r := ok("get", pii3); strings.Contains(r.out, "● used") {
		t.Errorf("the refused use left the PII token used:\n%s", r.out)
	}
	// Looking for the person under each account is no request of the
	// user's: the request log, so the report of the token whose account
	// was searched, keeps none of its 404s.
	s.expect(1, "use", pii, "--id-number-for", "person_nope")
	if r := ok("report", pii); strings.Contains(r.out, "person_nope") {
		t.Errorf("the search for the person is in the report:\n%s", r.out)
	}
	if r := s.expect(2, "use", pii3, "--id-number-for", "cus_123"); !strings.Contains(r.errOut, "acct_") {
		t.Errorf("a customer as the account:\n%s", r.errOut)
	}

	for _, r := range seen {
		if strings.Contains(r.all(), number) {
			t.Errorf("the id number is in the output:\n%s", r.all())
		}
	}
	s.assertNotInStateDir(number)
}

// representative makes a person of account acct on the state dir's
// emulator, as a program using Stripe's API would.
func representative(t *testing.T, dir, acct string) string {
	t.Helper()
	emu, err := emulator.New(emulator.Options{Dir: dir})
	if err != nil {
		t.Fatal(err)
	}
	defer emu.Close()
	req := httptest.NewRequest(http.MethodPost, "/v1/accounts/"+acct+"/persons", strings.NewReader("first_name=Rep"))
	req.Header.Set("Authorization", "Bearer sk_test_"+"representative")
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	rec := httptest.NewRecorder()
	emu.ServeHTTP(rec, req)
	var p struct{ ID string }
	if err := json.Unmarshal(rec.Body.Bytes(), &p); err != nil || rec.Code != 200 {
		t.Fatalf("person of %s: %d %s", acct, rec.Code, rec.Body)
	}
	return p.ID
}
