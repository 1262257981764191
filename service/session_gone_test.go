package service

import (
	"testing"

	"github.com/tokenscope/tokenscope/internal/testio"
	"github.com/tokenscope/tokenscope/model"
)

// QA B: a use the API answers resource_missing for (the token no longer
// exists) marks the record Gone, as a refresh would, instead of leaving it
// "still unused"; the refused attempt is kept in its uses.
func TestSessionUseOfAMissingTokenMarksItGone(t *testing.T) {
	s := newSession(t, t.TempDir())
	rec, err := s.Create(t.Context(), testio.Preset(t, "visa"), "")
	if err != nil {
		t.Fatal(err)
	}
	s.api = newSession(t, t.TempDir()).api // an emulator that never made it

	use, stored, err := s.Use(t.Context(), model.UseRequest{TokenID: rec.ID, Kind: model.UseCustomer})
	if !isMissingErr(err) {
		t.Fatalf("use: %v, want resource_missing", err)
	}
	got, _ := workspace(t, s).Find(rec.ID)
	if !stored.Gone || !got.Gone {
		t.Errorf("returned gone %v, recorded gone %v, want both", stored.Gone, got.Gone)
	}
	if len(got.Uses) != 1 || got.Uses[0] != use || use.Code != "resource_missing" {
		t.Errorf("recorded uses %+v, returned %+v", got.Uses, use)
	}
}

func isMissingErr(err error) bool {
	e, ok := model.AsError(err)
	return ok && e.Code == "resource_missing"
}
