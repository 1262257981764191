package cli

import (
	"context"
	"fmt"
	"testing"

	"github.com/tokenscope/tokenscope/model"
	"github.com/tokenscope/tokenscope/service"
)

// A write whose 30 s ran out (replaying an earlier request) before its
// own request was sent is no_answer and exit 3, as the README's exit
// codes say of "no answer within the 30 s a write may hold the lock";
// it was internal_error and exit 1.
func TestNoAnswerBeforeSendingIsTransient(t *testing.T) {
	err := fmt.Errorf("%w (nothing was sent)", &service.UnansweredError{Limit: 30e9, Err: context.DeadlineExceeded})
	if code := model.OwnCode(err); code != model.CodeNoAnswer {
		t.Errorf("code %q", code)
	}
	if got := ExitCode(err); got != ExitTransient {
		t.Errorf("exit %d", got)
	}
}

// The refresh that leaves a request unresolved after its third try
// without an answer exits 3, as the tries before it did (regress2#5: it
// exited 1 with internal_error): it fails as refreshFailure wraps it.
func TestUnresolvedAfterNoAnswerIsTransient(t *testing.T) {
	p := model.Pending{Key: "k", Summary: "charge cus_1 7.00 usd", Unresolved: "it got no answer 3 times"}
	for _, cause := range []error{
		&model.Error{Type: model.TypeConnection, Message: "connection refused"},
		context.DeadlineExceeded,
	} {
		report := model.RefreshReport{Unsent: map[string]error{"k": &service.UnresolvedError{Pending: p, Err: cause}}}
		err := refreshFailure(report)
		if got := ExitCode(err); got != ExitTransient {
			t.Errorf("%v: exit %d, want %d", cause, got, ExitTransient)
		}
	}
	// One that could not be sent again at all is no network fault.
	left := refreshFailure(model.RefreshReport{Unsent: map[string]error{"k": &service.UnresolvedError{Pending: p}}})
	if code := model.OwnCode(left); code != model.CodePendingUnresolved || ExitCode(left) != ExitRefused {
		t.Errorf("not sent again: code %q exit %d", code, ExitCode(left))
	}
}
