package service

import (
	"context"
	"testing"

	"github.com/tokenscope/tokenscope/model"
)

// A card token (its tok_ id says no kind; the state's record does, and a
// magic token is a card) given to a Connect use is refused unsent as
// token_use_unsupported, as a bank token given to a charge is.
func TestWrongKindOfTokenRefusedUnsent(t *testing.T) {
	sess, err := offlineService(t.TempDir()).Session()
	if err != nil {
		t.Fatal(err)
	}
	req, _ := model.FromPreset("visa")
	rec, err := sess.Create(context.Background(), req, "")
	if err != nil {
		t.Fatal(err)
	}
	for _, use := range []model.UseRequest{
		{TokenID: rec.ID, Kind: model.UseAccount},
		{TokenID: rec.ID, Kind: model.UseIDNumber, Account: "acct_1"},
		{TokenID: "tok_visa", Kind: model.UseAccount},
	} {
		_, _, err := sess.Use(context.Background(), use)
		e, ok := model.AsError(err)
		if !ok || e.Code != model.CodeUseUnsupported || !e.Local {
			t.Errorf("%s as %s: %v, want a local %s", use.TokenID, use.Kind, err, model.CodeUseUnsupported)
		}
	}
	after, _, _ := sess.Token(rec.ID)
	if len(after.Uses) != 0 {
		t.Errorf("a refused use was recorded: %+v", after.Uses)
	}
}
