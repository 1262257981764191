package emulator

import (
	"net/http"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/stripe/stripe-go/v85"
)

// A person of a company's account takes its id number as Stripe takes a
// representative's (POST /v1/accounts/{acct}/persons/{person}): a PII
// token, consumed once, or the number itself, which is kept nowhere;
// refusals name the field and Stripe's code.
func TestPersonTakesIDNumber(t *testing.T) {
	dir := t.TempDir()
	e, err := New(Options{Dir: dir, Now: clock})
	if err != nil {
		t.Fatal(err)
	}
	sc := newClient(newSpecServer(t, e), testKey)
	acct, err := sc.V1Accounts.Create(ctx, &stripe.AccountCreateParams{Type: stripe.String("custom"), BusinessType: stripe.String("company")})
	if err != nil {
		t.Fatal(err)
	}
	p, err := sc.V1Persons.Create(ctx, &stripe.PersonCreateParams{Account: stripe.String(acct.ID), FirstName: stripe.String("Jenny")})
	if err != nil || p.IDNumberProvided {
		t.Fatalf("person: %v %+v", err, p)
	}
	pii, err := sc.V1Tokens.Create(ctx, &stripe.TokenCreateParams{PII: &stripe.TokenCreatePIIParams{IDNumber: stripe.String("000000000")}})
	if err != nil {
		t.Fatal(err)
	}
	up, err := sc.V1Persons.Update(ctx, p.ID, &stripe.PersonUpdateParams{Account: stripe.String(acct.ID), IDNumber: stripe.String(pii.ID)})
	if err != nil || !up.IDNumberProvided || up.FirstName != "Jenny" || up.ID != p.ID {
		t.Fatalf("id number by PII token: %v %+v", err, up)
	}
	if tok, _ := sc.V1Tokens.Retrieve(ctx, pii.ID, nil); !tok.Used {
		t.Error("the PII token was not consumed")
	}
	got, err := sc.V1Persons.Retrieve(ctx, p.ID, &stripe.PersonRetrieveParams{Account: stripe.String(acct.ID)})
	if err != nil || !got.IDNumberProvided {
		t.Errorf("GET person: %v %+v", err, got)
	}
	var types []string
	for ev, err := range sc.V1Events.List(ctx, &stripe.EventListParams{}).All(ctx) {
		if err != nil {
			t.Fatal(err)
		}
		if ev.Data.Object["id"] != p.ID {
			continue
		}
		types = append(types, string(ev.Type))
		if ev.Type == "person.updated" && ev.Data.PreviousAttributes["id_number_provided"] != false {
			t.Errorf("person.updated's previous attributes: %v", ev.Data.PreviousAttributes)
		}
	}
	if !slices.Equal(types, []string{"person.updated", "person.created"}) {
		t.Errorf("the person's events %v, want person.updated after person.created", types)
	}

	_, err = sc.V1Persons.Update(ctx, p.ID, &stripe.PersonUpdateParams{Account: stripe.String(acct.ID), IDNumber: stripe.String(pii.ID)})
	if se := stripeErr(t, err, 400, stripe.ErrorTypeInvalidRequest, "token_already_used"); se != nil && se.Param != "id_number" {
		t.Errorf("reuse names %q", se.Param)
	}
	_, err = sc.V1Persons.Update(ctx, p.ID, &stripe.PersonUpdateParams{Account: stripe.String(acct.ID), IDNumber: stripe.String("12")})
	if se := stripeErr(t, err, 400, stripe.ErrorTypeInvalidRequest, "id_number_invalid"); se != nil && se.Param != "id_number" {
		t.Errorf("a short number names %q", se.Param)
	}
	_, err = sc.V1Persons.Update(ctx, "person_nope", &stripe.PersonUpdateParams{Account: stripe.String(acct.ID), IDNumber: stripe.String("000000000")})
	if se := stripeErr(t, err, http.StatusNotFound, stripe.ErrorTypeInvalidRequest, "resource_missing"); se != nil && se.Param != "person" {
		t.Errorf("an unknown person names %q", se.Param)
	}
	other, _ := sc.V1Accounts.Create(ctx, &stripe.AccountCreateParams{Type: stripe.String("custom"), BusinessType: stripe.String("company")})
	_, err = sc.V1Persons.Update(ctx, p.ID, &stripe.PersonUpdateParams{Account: stripe.String(other.ID), FirstName: stripe.String("X")})
	stripeErr(t, err, http.StatusNotFound, stripe.ErrorTypeInvalidRequest, "resource_missing")

	// The number itself is accepted, and kept nowhere.
	if _, err := sc.V1Persons.Update(ctx, p.ID, &stripe.PersonUpdateParams{Account: stripe.String(acct.ID), IDNumber: stripe.String("222222222")}); err != nil {
		t.Fatal(err)
	}
	files, _ := filepath.Glob(filepath.Join(dir, "*"))
	kept := false // the files read hold the person: the check looked where it is kept
	for _, f := range files {
		data, _ := os.ReadFile(f)
		kept = kept || strings.Contains(string(data), p.ID)
		if strings.Contains(string(data), "222222222") || strings.Contains(string(data), "000000000") {
			t.Errorf("%s holds an id number", f)
		}
	}
	if !kept {
		t.Errorf("no file in %s holds %s", dir, p.ID)
	}
}

// The individual of an account made from a token takes its id number as
// a person too, which the account then shows (account.updated); its names
// come only in tokens, as the account's do.
func TestIndividualTakesIDNumberAsPerson(t *testing.T) {
	sc, _ := moneyServer(t)
	ct, _ := sc.V1Tokens.Create(ctx, &stripe.TokenCreateParams{Account: &stripe.TokenCreateAccountParams{
		BusinessType: stripe.String("individual"), Individual: &stripe.PersonParams{FirstName: stripe.String("Jenny")},
	}})
	acct, err := sc.V1Accounts.Create(ctx, &stripe.AccountCreateParams{Type: stripe.String("custom"), AccountToken: stripe.String(ct.ID)})
	if err != nil || acct.Individual == nil {
		t.Fatalf("account: %v %+v", err, acct)
	}
	person := acct.Individual.ID
	_, err = sc.V1Persons.Update(ctx, person, &stripe.PersonUpdateParams{Account: stripe.String(acct.ID), FirstName: stripe.String("X")})
	if se := stripeErr(t, err, 400, stripe.ErrorTypeInvalidRequest, ""); se != nil && se.Param != "first_name" {
		t.Errorf("a direct name names %q", se.Param)
	}
	pii, _ := sc.V1Tokens.Create(ctx, &stripe.TokenCreateParams{PII: &stripe.TokenCreatePIIParams{IDNumber: stripe.String("000000000")}})
	if _, err := sc.V1Persons.Update(ctx, person, &stripe.PersonUpdateParams{Account: stripe.String(acct.ID), IDNumber: stripe.String(pii.ID)}); err != nil {
		t.Fatal(err)
	}
	got, err := sc.V1Accounts.GetByID(ctx, acct.ID, nil)
	if err != nil || !got.Individual.IDNumberProvided || got.Individual.FirstName != "Jenny" {
		t.Errorf("the account after its person's id number: %v %+v", err, got.Individual)
	}
	var updated *stripe.Event
	for ev, err := range sc.V1Events.List(ctx, &stripe.EventListParams{Type: stripe.String("account.updated")}).All(ctx) {
		if err != nil {
			t.Fatal(err)
		}
		updated = ev
		break
	}
	if updated == nil {
		t.Fatal("no account.updated")
	}
	before, _ := updated.Data.PreviousAttributes["individual"].(map[string]any)
	if provided, ok := before["id_number_provided"].(bool); !ok || provided {
		t.Errorf("account.updated's previous individual: %v", before)
	}
}
