package flow

import (
	"context"
	"testing"

	"github.com/tokenscope/tokenscope/model"
)

// i takes a bank account's id (ba_), read under the customer the state
// says its token went to.
func TestRetrieveOpensASource(t *testing.T) {
	pc, _ := newContext(t, 80, 24, setup{})
	cus := used(t, pc, "bank_ok", model.UseRequest{Kind: model.UseCustomer})
	obj, err := pc.Session.Object(context.Background(), cus)
	if err != nil {
		t.Fatal(err)
	}
	ba := obj.Fields().Get("default_source")
	r := start(t, NewRetrieve(pc), 80, 24)
	r.keys(ba, "enter")
	r.shows("bank account "+ba, "customer", cus, "•••• 6789")
}
