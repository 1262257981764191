package cli

import (
	"encoding/json"
	"regexp"
	"strings"
	"testing"
)

// A dispute card's charge is disputed; its dispute is found by the
// charge, answered with winning_evidence (under review, won a few seconds
// later, as get says), and then closed no more.
func TestDisputeFoundByChargeThenAnswered(t *testing.T) {
	s := newSandbox(t)
	ch := useObject(t, s.ok("use", s.create("card", "dispute_fraudulent"), "--charge", "2000", "--json").out)
	if out := s.ok("get", ch).out; !strings.Contains(out, "disputed         true") && !strings.Contains(out, "tokenscope dispute "+ch) {
		t.Errorf("get of a disputed charge:\n%s", out)
	}
	if r := s.expect(1, "refund", ch); !strings.Contains(r.errOut, "charge_disputed") {
		t.Errorf("refund of a disputed charge:\n%s", r.errOut)
	}
	var du struct{ ID, Status, Reason string }
	if err := json.Unmarshal([]byte(s.ok("dispute", ch, "--json").out), &du); err != nil || du.Status != "needs_response" || du.Reason != "fraudulent" {
		t.Fatalf("dispute of the charge: %+v %v", du, err)
	}
	if out := s.ok("get", du.ID).out; !strings.Contains(out, "--evidence winning_evidence") {
		t.Errorf("get of an open dispute names no next step:\n%s", out)
	}
	if out := s.ok("dispute", du.ID, "--evidence", "winning_evidence").out; !strings.Contains(out, "status       under_review") ||
		!strings.Contains(out, "again in a few seconds: test mode decides winning_evidence") {
		t.Errorf("winning evidence:\n%s", out)
	}
	s.expect(1, "dispute", du.ID, "--close")
	if out := s.ok("dispute", useObject(t, s.ok("use", s.create("card", "dispute_inquiry"), "--charge", "700", "--json").out), "--close").out; !strings.HasPrefix(out, "closed dispute du_") {
		t.Errorf("close of an inquiry:\n%s", out)
	}
	if r := s.expect(1, "dispute", useObject(t, s.ok("use", s.create("card", "visa"), "--charge", "500", "--json").out)); !strings.Contains(r.errOut, "has no dispute") {
		t.Errorf("a plain charge's dispute:\n%s", r.errOut)
	}
}

// pack:disputes opens a dispute per card and answers two of them with
// its steps (winning evidence: under review, to be won; a close: lost),
// leaving the inquiry open; pack:connect makes an account of
// each account token and gives the individual's its id number.
func TestApplyDisputeAndConnectPacks(t *testing.T) {
	s := newSandbox(t)
	if r := s.ok("apply", "pack:disputes", "--auto-approve"); strings.Count(r.out, "charge  succeeded") != 1 ||
		!strings.Contains(r.out, "charge  dispute: under_review") || !strings.Contains(r.out, "charge  dispute: lost") {
		t.Errorf("pack:disputes:\n%s", r.out)
	}
	r := s.ok("apply", "pack:connect", "--auto-approve")
	if len(regexp.MustCompile(`account +created`).FindAllString(r.out, -1)) != 2 || !strings.Contains(r.out, "[id=acct_") ||
		!regexp.MustCompile(`id_number +id_number_provided`).MatchString(r.out) {
		t.Errorf("pack:connect:\n%s", r.out)
	}
	if r := s.ok("plan", "pack:connect"); !strings.Contains(r.out, "No changes") {
		t.Errorf("plan after apply:\n%s", r.out)
	}
}

// pack:refunds charges one token per refund test card and refunds each
// charge with its steps: visa's in part, then the rest, so a refund by
// hand finds nothing left.
func TestApplyRefundsPack(t *testing.T) {
	s := newSandbox(t)
	r := s.ok("apply", "pack:refunds", "--auto-approve", "--json")
	charges := regexp.MustCompile(`\[id=(ch_[A-Za-z0-9]+)\]`).FindAllStringSubmatch(r.out, -1)
	refunds := regexp.MustCompile(`\[id=(re_[A-Za-z0-9]+)\]`).FindAllStringSubmatch(r.out, -1)
	// 5 charges (2 authorizations, one captured: its step names the
	// charge too) and 5 refunds (one a release).
	if !strings.Contains(r.out, "16 added") || len(charges) != 6 || len(refunds) != 5 {
		t.Fatalf("pack:refunds:\n%s", r.out)
	}
	if r := s.expect(1, "refund", charges[0][1]); !strings.Contains(r.errOut, "charge_already_refunded") {
		t.Errorf("refund %s again:\n%s", charges[0][1], r.errOut)
	}
}
