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
