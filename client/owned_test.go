package client_test

import (
	"context"
	"strings"
	"testing"

	"github.com/tokenscope/tokenscope/internal/testio"
	"github.com/tokenscope/tokenscope/model"
)

// TestSources reads a customer's card and bank account under the
// customer, an account's person under the account, and finds the
// customer of a source by listing customers, against the emulator and
// stripe-mock (which must accept the requests; its fixtures are another
// customer's, so content is checked offline).
func TestSources(t *testing.T) {
	ctx := context.Background()
	for _, tg := range targets {
		t.Run(tg.name, func(t *testing.T) {
			c := tg.open(t)
			offline := tg.name == "emulator"
			for _, preset := range []string{"visa", "bank_ok"} {
				tok, err := c.Create(ctx, testio.Preset(t, preset))
				if err != nil {
					t.Fatal(err)
				}
				cus, err := c.Use(ctx, model.UseRequest{TokenID: tok.ID, Kind: model.UseCustomer})
				if err != nil {
					t.Fatal(err)
				}
				f := fields(t, tok.Raw)
				src := f.Get("card.id") + f.Get("bank_account.id")
				if !offline {
					src = map[string]string{"visa": "card_1Fixture", "bank_ok": "ba_1Fixture"}[preset]
				}
				obj, err := c.ObjectUnder(ctx, cus.ObjectID, src)
				if err != nil || obj.RequestID == "" {
					t.Fatalf("source %s of %s: %+v %v", src, cus.ObjectID, obj, err)
				}
				owner, found, err := c.SourceOwner(ctx, src)
				if err != nil {
					t.Fatalf("owner of %s: %v", src, err)
				}
				if offline && (obj.ID != src || obj.Fields().Get("customer") != cus.ObjectID || !found || owner != cus.ObjectID) {
					t.Errorf("source %s: %s; owner %q %v", src, obj.Raw, owner, found)
				}
			}
			ct, err := c.Create(ctx, requests(t)["account"])
			if err != nil {
				t.Fatal(err)
			}
			acct, err := c.Use(ctx, model.UseRequest{TokenID: ct.ID, Kind: model.UseAccount})
			if err != nil {
				t.Fatal(err)
			}
			person := "person_fixture"
			if offline {
				a, err := c.Object(ctx, acct.ObjectID)
				if err != nil {
					t.Fatal(err)
				}
				person = a.Fields().Get("individual.id")
			}
			obj, err := c.ObjectUnder(ctx, acct.ObjectID, person)
			if err != nil || obj.RequestID == "" || offline && (obj.ID != person || obj.Fields().Get("first_name") != "Jenny") {
				t.Errorf("person %s of %s: %s %v", person, acct.ObjectID, obj.Raw, err)
			}
		})
	}
}

// TestSourceRefusals: a source's id and its customer's are checked before
// they go into the path; a source asked for without its customer is
// refused unsent, naming the customer.
func TestSourceRefusals(t *testing.T) {
	ctx := context.Background()
	c := offlineClient(t, "")
	for _, tc := range []struct{ owner, id, param string }{
		{"cus_1", "ba_1/../x", model.ParamTokenID},
		{"cus_1/x", "ba_1", "customer"},
		{"", "card_1", "customer"},
		{"acct_1", "ba_1", "customer"},
		{"cus_1", "person_1", "account"},
	} {
		_, err := c.ObjectUnder(ctx, tc.owner, tc.id)
		if e, ok := model.AsError(err); !ok || !e.Local || e.Param != tc.param {
			t.Errorf("ObjectUnder(%q, %q): %v", tc.owner, tc.id, err)
		}
	}
	_, err := c.Object(ctx, "ba_1")
	if e, ok := model.AsError(err); !ok || !e.Local || e.Param != "customer" || e.Code != "parameter_missing" || !strings.Contains(e.Message, "/v1/customers/") {
		t.Errorf("Object(ba_1): %v", err)
	}
	if n := len(c.Log().Entries()); n != 0 {
		t.Errorf("%d requests sent", n)
	}
}
