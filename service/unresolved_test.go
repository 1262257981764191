package service

import (
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/tokenscope/tokenscope/internal/testio"
	"github.com/tokenscope/tokenscope/model"
)

// The refresh that leaves a request unresolved after its third try
// without an answer reports a network fault, as the two before it did
// (exit 3, the API's error), not an error with no code, which the CLI
// showed as internal_error and exit 1.
func TestRefreshUnresolvedAfterNoAnswerKeepsItsCause(t *testing.T) {
	s := newCrashSession(t, t.TempDir())
	s.lose.Store(true)
	if _, err := s.Create(t.Context(), testio.Preset(t, "visa"), ""); err == nil {
		t.Fatal("a create without an answer succeeded")
	}
	var unsent error
	for try := 1; try <= maxTries; try++ {
		report, err := s.Refresh(t.Context(), nil, nil)
		if err != nil {
			t.Fatal(err)
		}
		if len(report.Unsent) != 1 {
			t.Fatalf("refresh %d: unsent %v", try, report.Unsent)
		}
		for _, e := range report.Unsent {
			unsent = e
		}
	}
	var ur *UnresolvedError
	if !errors.As(unsent, &ur) || ur.Pending.Unresolved == "" {
		t.Fatalf("third refresh: %v, want the request left to the user", unsent)
	}
	if code := model.OwnCode(unsent); code != model.CodeNoAnswer {
		t.Errorf("code %q, want %q", code, model.CodeNoAnswer)
	}
	if e, ok := model.AsError(unsent); !ok || e.HTTPStatus < 500 {
		t.Errorf("API error in the chain: %+v, want the 5xx it got", e)
	}
}

// A request that cannot be sent again at all has a code of its own.
func TestUnresolvedWithoutTriesHasItsCode(t *testing.T) {
	err := &UnresolvedError{Pending: model.Pending{Summary: "create card visa", Unresolved: "it is 25h old"}}
	if code := model.OwnCode(err); code != model.CodePendingUnresolved {
		t.Errorf("code %q, want %q", code, model.CodePendingUnresolved)
	}
}

// The steps for an unresolved request fit what it asked: only a create
// makes a token `tokenscope get` adds; a customer's charge makes none.
func TestUnresolvedAdviceFitsTheRequest(t *testing.T) {
	now := time.Now()
	charge := model.NewPendingMove(model.MoveRequest{Action: model.MoveCharge, ID: "cus_1", Amount: 700, Currency: "usd"}, "k-charge", now)
	refund := model.NewPendingMove(model.MoveRequest{Action: model.MoveRefund, ID: "ch_1", Amount: 100}, "k-refund", now)
	create := model.NewPendingCreate(testio.Preset(t, "visa"), "k-create", "", now)
	for _, c := range []struct {
		p         model.Pending
		want, not string
	}{
		{charge, "check the charge it made", "add a token"},
		{refund, "`tokenscope get ch_1`", "add a token"},
		{create, "add a token it made", "check"},
	} {
		c.p.Unresolved = "it got no answer 3 times"
		text := Recovery{Pending: c.p}.Text()
		if !strings.Contains(text, c.want) || strings.Contains(text, c.not) {
			t.Errorf("%s: %q, want %q and no %q", c.p.Summary, text, c.want, c.not)
		}
	}
}
