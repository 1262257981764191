package cli

import (
	"encoding/json"
	"strings"
	"testing"
)

// use cus_… --charge N --dry-run takes the path the real run takes (a
// customer charge) and prints its plan: it was refused as "No such
// token". Nothing is charged.
func TestUseCustomerChargeDryRunPlansTheCharge(t *testing.T) {
	s := newSandbox(t)
	tok := token(t, s.ok("create", "card", "--preset", "visa", "--json").out).ID
	var used struct {
		Use struct {
			ObjectID string `json:"object_id"`
		} `json:"use"`
	}
	if err := json.Unmarshal([]byte(s.ok("use", tok, "--customer", "--json").out), &used); err != nil || !strings.HasPrefix(used.Use.ObjectID, "cus_") {
		t.Fatalf("use --customer: %v %+v", err, used)
	}
	cus := used.Use.ObjectID
	out := s.ok("use", cus, "--charge", "1500", "--dry-run").out
	for _, want := range []string{"charge." + cus + " will be created", "amount   = 1500", "POST /v1/charges", "Plan: 1 to add"} {
		if !strings.Contains(out, want) {
			t.Errorf("plan lacks %q:\n%s", want, out)
		}
	}
	if ev := s.ok("events", "--for", cus).out; strings.Contains(ev, "charge.succeeded") {
		t.Errorf("a dry run charged the customer:\n%s", ev)
	}
}
