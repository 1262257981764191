package ui

import (
	"errors"
	"strings"
	"testing"

	"github.com/tokenscope/tokenscope/model"
	"github.com/tokenscope/tokenscope/service"
	"github.com/tokenscope/tokenscope/ui/common"
)

// A recovery's status fits the three rows the status line wraps to at
// 80 columns, its key whole: Recovery.Text, a paragraph, was cut.
func TestRecoveryStatusFits80Columns(t *testing.T) {
	key := "tokenscope-01JEXAMPLE7Q3M4ZK8W2V5R9T6Y"
	r := service.Recovery{Backend: model.BackendURL, Pending: model.Pending{Summary: "create card visa •••• 4242", Key: key,
		Unresolved: `it got no answer 3 times (Post "http://127.0.0.1:39999/v1/tokens": context deadline exceeded)`}}
	for _, text := range []string{recoveryStatus(r, false), recoveryStatus(service.Recovery{Pending: r.Pending, Err: &service.UnansweredError{Pending: r.Pending, Err: errors.New("connection reset")}}, false)} {
		if rows := common.Hang(" ", text, 79); len(rows) > statusRows {
			t.Errorf("%d rows at 80 columns:\n%s", len(rows), strings.Join(rows, "\n"))
		}
	}
	if got := recoveryStatus(r, false); !strings.Contains(got, key) || strings.Contains(got, "Dashboard") {
		t.Errorf("status %q", got)
	}
}
