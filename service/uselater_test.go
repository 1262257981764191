package service

import (
	"slices"
	"testing"

	"github.com/tokenscope/tokenscope/internal/testio"
	"github.com/tokenscope/tokenscope/model"
)

// An authorization is recorded uncaptured with its capture-before date;
// its capture moves the token's use on to succeeded and records the step.
func TestAuthorizeThenCaptureFollowsTheUse(t *testing.T) {
	s := newSession(t, t.TempDir())
	ctx := t.Context()
	rec, err := s.Create(ctx, testio.Preset(t, "visa"), "")
	if err != nil {
		t.Fatal(err)
	}
	use, _, err := s.Use(ctx, model.UseRequest{TokenID: rec.ID, Kind: model.UseAuthorize, Amount: 1000, Currency: "usd"})
	if err != nil || use.Status != model.ChargeUncaptured || use.CaptureBefore == 0 {
		t.Fatalf("use: %v %+v", err, use)
	}
	if _, err := s.Capture(ctx, use.ObjectID, 600); err != nil {
		t.Fatal(err)
	}
	got, _ := workspace(t, s).Find(rec.ID)
	if u := got.Uses[len(got.Uses)-1]; u.Status != "succeeded" {
		t.Errorf("use after capture: %+v", u)
	}
	if len(got.Steps) != 1 || got.Steps[0].Kind != model.StepCapture || got.Steps[0].Amount != 600 {
		t.Errorf("steps: %+v", got.Steps)
	}
}

// A refund of an authorization releases it: the token's use says so.
func TestReleaseFollowsTheUse(t *testing.T) {
	s := newSession(t, t.TempDir())
	ctx := t.Context()
	rec, err := s.Create(ctx, testio.Preset(t, "visa"), "")
	if err != nil {
		t.Fatal(err)
	}
	use, _, err := s.Use(ctx, model.UseRequest{TokenID: rec.ID, Kind: model.UseAuthorize, Amount: 1000, Currency: "usd"})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.Refund(ctx, model.RefundRequest{Of: use.ObjectID}); err != nil {
		t.Fatal(err)
	}
	got, _ := workspace(t, s).Find(rec.ID)
	if u := got.Uses[len(got.Uses)-1]; u.Status != model.ChargeReleased {
		t.Errorf("use after the release: %+v", u)
	}
}

// A SetupIntent use keeps the customer and PaymentMethod it made: they
// seed the token's events and its report's requests (the customer's
// create names nothing the token names), and authenticate moves the use
// on to succeeded.
func TestSetupIntentUseJoinsTheStory(t *testing.T) {
	s := newSession(t, t.TempDir())
	ctx := t.Context()
	rec, err := s.Create(ctx, testio.Preset(t, "threeds_setup"), "")
	if err != nil {
		t.Fatal(err)
	}
	use, _, err := s.Use(ctx, model.UseRequest{TokenID: rec.ID, Kind: model.UseSetupIntent})
	if err != nil || use.Status != model.PIRequiresAction {
		t.Fatalf("use: %v %+v", err, use)
	}
	seeds, _ := s.EventSeeds(rec.ID)
	for _, id := range []string{use.ObjectID, use.Customer, use.PaymentMethod} {
		if id == "" || !slices.Contains(seeds, id) {
			t.Errorf("seeds %v lack %q", seeds, id)
		}
	}
	if _, err := s.Authenticate(ctx, use.ObjectID, false); err != nil {
		t.Fatal(err)
	}
	got, _ := workspace(t, s).Find(rec.ID)
	if u := got.Uses[len(got.Uses)-1]; u.Status != model.PISucceeded || u.Customer != use.Customer {
		t.Errorf("use after authenticate: %+v", u)
	}
	story, err := s.Story(ctx, rec.ID)
	if err != nil {
		t.Fatal(err)
	}
	var paths []string
	for _, r := range story.Requests {
		paths = append(paths, r.Method+" "+r.Path)
	}
	for _, want := range []string{"POST /v1/payment_methods", "POST /v1/customers", "POST /v1/setup_intents"} {
		if !slices.Contains(paths, want) {
			t.Errorf("the story's requests %v lack %s", paths, want)
		}
	}
	evs, err := s.Events(ctx, EventFilter{For: rec.ID})
	if err != nil {
		t.Fatal(err)
	}
	{
		var types []string
		for _, e := range evs {
			types = append(types, e.Type)
		}
		for _, want := range []string{"customer.created", "setup_intent.succeeded", "payment_method.attached"} {
			if !slices.Contains(types, want) {
				t.Errorf("events for %s: %v lack %s", rec.ID, types, want)
			}
		}
	}
}
