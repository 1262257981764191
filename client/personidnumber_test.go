package client_test

import (
	"context"
	"strings"
	"testing"

	"github.com/tokenscope/tokenscope/internal/testio"
	"github.com/tokenscope/tokenscope/model"
)

// A PII token given as a person's id number is sent as Stripe's person
// update (POST /v1/accounts/{account}/persons/{person} id_number=pii_…),
// which stripe-mock accepts only in the spec's shape; offline the person
// then reads id_number_provided. Without the person's account nothing is
// sent.
func TestPersonIDNumber(t *testing.T) {
	ctx := context.Background()
	for _, tg := range targets {
		t.Run(tg.name, func(t *testing.T) {
			c := tg.open(t)
			offline := tg.name == "emulator"
			ct, err := c.Create(ctx, requests(t)["account"])
			if err != nil {
				t.Fatal(err)
			}
			acct, err := c.Use(ctx, model.UseRequest{TokenID: ct.ID, Kind: model.UseAccount})
			if err != nil {
				t.Fatal(err)
			}
			obj, err := c.Object(ctx, acct.ObjectID)
			if err != nil {
				t.Fatal(err)
			}
			person := obj.Fields().Get("individual.id")
			if person == "" && !offline {
				person = "person_fixture" // stripe-mock's account fixture has no individual
			}
			if !strings.HasPrefix(person, "person_") {
				t.Fatalf("the account has no individual: %s", obj.Raw)
			}
			pii, err := c.Create(ctx, testio.Preset(t, "id_match"))
			if err != nil {
				t.Fatal(err)
			}

			req := model.UseRequest{TokenID: pii.ID, Kind: model.UseIDNumber}
			req.IDNumberFor(person)
			_, err = c.Use(ctx, req)
			if e, ok := model.AsError(err); !ok || !e.Local || e.Code != "resource_missing" || e.Param != "account" {
				t.Errorf("without its account: %v", err)
			}
			sent := len(c.Log().Entries())

			req.Account = acct.ObjectID
			use, err := c.Use(ctx, req)
			if err != nil || use.ObjectID != person || use.Status != "id_number_provided" || use.RequestID == "" {
				t.Fatalf("id number of %s: %+v %v", person, use, err)
			}
			entries := c.Log().Entries()
			if len(entries) != sent+1 {
				t.Fatalf("%d requests sent, want 1", len(entries)-sent)
			}
			if e := entries[len(entries)-1]; e.Method != "POST" || e.Path != "/v1/accounts/"+acct.ObjectID+"/persons/"+person || e.Status != 200 {
				t.Errorf("sent %s %s, answered %d", e.Method, e.Path, e.Status)
			}
			if !offline {
				return
			}
			got, err := c.ObjectUnder(ctx, acct.ObjectID, person)
			if err != nil || got.Fields().Get("id_number_provided") != "true" {
				t.Errorf("the person after: %v %s", err, got.Raw)
			}
		})
	}
}
