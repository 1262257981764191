package flow

import (
	"context"
	"strings"
	"testing"

	"github.com/tokenscope/tokenscope/model"
)

// An account token makes a Connect account; a PII token then gives it its
// id number, the account asked for in the form; another gives its
// person's, the person named instead.
func TestUseForConnect(t *testing.T) {
	pc, _ := newContext(t, 120, 40, setup{})
	ct, err := pc.Session.Create(context.Background(), model.TokenRequest{Kind: model.KindAccount,
		Account: &model.AccountInput{BusinessType: "individual", FirstName: "Jenny"}}, "")
	if err != nil {
		t.Fatal(err)
	}
	r := start(t, NewUse(pc, ct), 120, 40)
	r.shows("make a Connect account")
	r.keys("enter")
	r.shows("will be created", "POST /v1/accounts", "account_token")
	r.keys("enter")
	s := r.shows("+ account created", "acct_", "is now ● used")
	acct := "acct_" + strings.Fields(strings.SplitN(s.view, "acct_", 2)[1])[0]
	acct = strings.TrimRight(acct, "·,.)")

	pii := created(t, pc, "id_match")
	r2 := start(t, NewUse(pc, pii), 120, 40)
	r2.shows("id number of an account")
	r2.keys("enter")
	r2.shows("Account or person (acct_…, person_…)")
	r2.keys("nope", "enter")
	r2.shows("an account id starts with acct_")
	r2.keys("ctrl+u", acct, "enter")
	r2.shows("will be updated in-place", "~ individual.id_number_provided = false -> true", "POST /v1/accounts/"+acct)
	r2.keys("enter")
	r2.shows("+ account id_number_provided", "is now ● used")

	obj, err := pc.Session.Object(context.Background(), acct)
	if err != nil {
		t.Fatal(err)
	}
	person := obj.Fields().Get("individual.id")
	r3 := start(t, NewUse(pc, created(t, pc, "id_match_immediately")), 120, 40)
	r3.keys("enter", person, "enter")
	r3.shows("~ id_number_provided = false -> true", "POST /v1/accounts/{account}/persons/"+person)
	r3.keys("enter")
	r3.shows("+ person id_number_provided", "is now ● used")
}
