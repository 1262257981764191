package cli

import (
	"encoding/json"
	"strings"
	"testing"
)

func TestStateShowRmPull(t *testing.T) {
	s := newSandbox(t)
	keep, drop := s.create("card", "visa"), s.create("pii", "id_match")

	show := s.ok("state", "show", keep).out
	if !strings.Contains(show, keep) || !strings.Contains(show, "visa: charges succeed") {
		t.Errorf("state show:\n%s", show)
	}
	s.expect(2, "state", "show", "tok_notthere")
	s.expect(2, "state", "rm", drop, "tok_notthere") // all or nothing
	if ids := s.ok("state", "list").out; !strings.Contains(ids, drop) {
		t.Fatalf("a failed rm removed %s", drop)
	}
	if r := s.ok("state", "rm", drop); !strings.Contains(r.out, "Removed "+drop) {
		t.Errorf("state rm:\n%s", r.out)
	}
	if ids := strings.Fields(s.ok("state", "list").out); len(ids) != 1 || ids[0] != keep {
		t.Errorf("state list after rm = %v, want [%s]", ids, keep)
	}

	var st struct {
		Version    int
		Serial     int64
		Workspaces map[string]struct {
			Tokens []struct{ ID string }
		}
	}
	if err := json.Unmarshal([]byte(s.ok("state", "pull").out), &st); err != nil {
		t.Fatal(err)
	}
	if st.Version != 1 || st.Serial < 3 || len(st.Workspaces["offline"].Tokens) != 1 {
		t.Errorf("state pull = %+v", st)
	}
}

func TestForceUnlockWithoutLock(t *testing.T) {
	s := newSandbox(t)
	s.create("card", "visa")
	if r := s.run("force-unlock", "nosuchlock"); r.code == 0 || !strings.Contains(r.errOut, "not locked") {
		t.Errorf("force-unlock of no lock: exit %d\n%s", r.code, r.errOut)
	}
}

func TestPresetsListEveryEntry(t *testing.T) {
	s := newSandbox(t)
	var presets []presetJSON
	if err := json.Unmarshal([]byte(s.ok("presets", "--json").out), &presets); err != nil {
		t.Fatal(err)
	}
	if len(presets) != len(catalog()) || len(presets) < 40 {
		t.Fatalf("%d presets", len(presets))
	}
	byName := map[string]presetJSON{}
	for _, p := range presets {
		byName[p.Name] = p
	}
	if v := byName["visa"]; v.Number != "4242424242424242" || v.MagicToken != "tok_visa" || v.Brand != "Visa" || v.Funding != "credit" {
		t.Errorf("visa = %+v", v)
	}
	if v := byName["insufficient_funds"]; v.DeclineCode != "insufficient_funds" || v.Code != "card_declined" {
		t.Errorf("insufficient_funds = %+v", v)
	}
	if v := byName["incorrect_number"]; v.Code != "incorrect_number" {
		t.Errorf("incorrect_number = %+v", v)
	}
	if v := byName["bank_ok"]; v.Kind != "bank_account" || v.RoutingNumber != "110000000" {
		t.Errorf("bank_ok = %+v", v)
	}
	human := s.ok("presets").out
	for _, want := range []string{"tok_visa", "4000000000009995", "card_declined / insufficient_funds", "routing 110000000", "id_match"} {
		if !strings.Contains(human, want) {
			t.Errorf("presets lacks %q", want)
		}
	}
}

func TestVersion(t *testing.T) {
	s := newSandbox(t)
	old := Version
	Version = "v9.9.9-test"
	defer func() { Version = old }()
	r := s.ok("version")
	if !strings.HasPrefix(r.out, "tokenscope v9.9.9-test (") || !strings.Contains(r.out, "go1.") {
		t.Errorf("version = %q", r.out)
	}
	if flag := s.ok("--version").out; flag != r.out {
		t.Errorf("--version = %q, want the version command's %q", flag, r.out)
	}
}

func TestBareCommandWithoutTerminal(t *testing.T) {
	s := newSandbox(t)
	r := s.expect(2)
	if !strings.Contains(r.errOut, "needs a terminal") || !strings.Contains(r.errOut, "Available Commands") {
		t.Errorf("bare tokenscope without a tty:\n%s", r.errOut)
	}
}

// Global flags work before and after the command.
func TestGlobalFlagsAnywhere(t *testing.T) {
	s := newSandbox(t)
	other := t.TempDir()
	id := token(t, s.ok("--state-dir", other, "create", "card", "--preset", "visa", "--json").out).ID
	if ids := s.ok("state", "list", "--state-dir", other).out; !strings.Contains(ids, id) {
		t.Errorf("--state-dir after the command is ignored")
	}
	if ids := s.ok("state", "list").out; ids != "" {
		t.Errorf("the token went to the default state dir too: %q", ids)
	}
}
