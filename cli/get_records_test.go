package cli

import (
	"regexp"
	"strings"
	"testing"
)

// get opens a charge's balance transaction and the events it caused by
// their ids, each with its own detail.
func TestGetBalanceTransactionAndEvent(t *testing.T) {
	s := newSandbox(t)
	ch := useObject(t, s.ok("use", s.create("card", "visa"), "--charge", "1000", "--json").out)
	txn := regexp.MustCompile(`txn_[A-Za-z0-9]+`).FindString(s.ok("get", ch, "--json").out)
	if txn == "" {
		t.Fatalf("charge %s has no balance transaction", ch)
	}
	if r := s.ok("get", txn); !strings.Contains(r.out, "balance transaction "+txn) || !strings.Contains(r.out, "10.00 usd") {
		t.Errorf("get %s:\n%s", txn, r.out)
	}
	evt := regexp.MustCompile(`evt_[A-Za-z0-9]+`).FindString(s.ok("events").out)
	if evt == "" {
		t.Fatal("no event listed")
	}
	if r := s.ok("get", evt); !strings.Contains(r.out, "event "+evt) || !strings.Contains(r.out, "type") {
		t.Errorf("get %s:\n%s", evt, r.out)
	}
}
