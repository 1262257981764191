package cli

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/creack/pty"

	"github.com/tokenscope/tokenscope/model"
	"github.com/tokenscope/tokenscope/scenario"
	"github.com/tokenscope/tokenscope/views"
)

// writeScenario puts src in a scenario.hcl of its own and returns the path.
func writeScenario(t *testing.T, src string) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "scenario.hcl")
	if err := os.WriteFile(path, []byte(src), 0o600); err != nil {
		t.Fatal(err)
	}
	return path
}

func TestPlanPackShowsChangesAndSendsNothing(t *testing.T) {
	s := newSandbox(t)
	r := s.ok("plan", "pack:declines")
	for _, want := range []string{
		"# token.insufficient_funds will be created",
		"# charge.insufficient_funds will be created",
		"•••• •••• •••• 9995",
		"expected: declined, card_declined / insufficient_funds",
		"POST /v1/charges  →  OFFLINE emulator",
		"Plan: 44 to add, 0 to change, 0 to destroy.",
	} {
		if !strings.Contains(r.out, want) {
			t.Errorf("plan lacks %q", want)
		}
	}
	if strings.Contains(r.out, "4000000000009995") {
		t.Error("plan shows a card number")
	}
	if _, err := os.Stat(filepath.Join(s.dir, "state.json")); err == nil {
		t.Error("plan wrote the state")
	}
}

func TestScenarioTypoExits2AndSendsNothing(t *testing.T) {
	srv, hits := countingServer(t)
	s := newSandbox(t)
	path := writeScenario(t, `token "declined_insufficient" {
  card {
    prest = "insufficient_funds"
  }
}
`)
	for cmd, args := range map[string][]string{
		"plan":  {"--api-base", srv.URL, "plan", path},
		"apply": {"--api-base", srv.URL, "apply", path, "--auto-approve"},
	} {
		r := s.expect(2, args...)
		for _, want := range []string{path + `:3,5-10: Unsupported argument`, `prest = "insufficient_funds"`, `Did you mean "preset"?`} {
			if !strings.Contains(r.errOut, want) {
				t.Errorf("%s: stderr lacks %q:\n%s", cmd, want, r.errOut)
			}
		}
	}
	if hits.Load() != 0 {
		t.Errorf("%d requests were sent for a scenario with errors", hits.Load())
	}
}

func TestScenarioDiagnosticMasksCardNumber(t *testing.T) {
	s := newSandbox(t)
	path := writeScenario(t, "token \"x\" {\n  card {\n    number = \"4242424242424241\"\n    exp_month = 1\n    exp_year = 2030\n    cvc = \"321\"\n  }\n}\n")
	r := s.expect(2, "plan", path)
	if !strings.Contains(r.errOut, "incorrect_number") || strings.Contains(r.all(), "4242424242424241") || strings.Contains(r.all(), "321") {
		t.Errorf("diagnostic:\n%s", r.all())
	}
}

func TestApplyNeedsApprovalWithoutTerminal(t *testing.T) {
	s := newSandbox(t)
	r := s.expect(2, "apply", "pack:brands")
	if !strings.Contains(r.errOut, "--auto-approve") {
		t.Errorf("stderr does not name --auto-approve:\n%s", r.errOut)
	}
	s.expect(2, "apply", "pack:brands", "--json")
	s.expect(2, "apply", "pack:brands", "--replace", "visa", "--replace-all", "--auto-approve")
	s.expect(2, "apply", "pack:brands", "--replace", "nope", "--auto-approve")
	if _, err := os.Stat(filepath.Join(s.dir, "state.json")); err == nil {
		t.Error("a refused apply wrote the state")
	}
}

func TestApplyDeclinesPackThenNoChanges(t *testing.T) {
	s := newSandbox(t)
	r := s.ok("apply", "pack:declines", "--auto-approve")
	for _, c := range model.Cards {
		if c.Outcome.Declines() && !strings.Contains(r.out, c.Name+"  ") {
			t.Errorf("summary lacks %s", c.Name)
		}
	}
	for _, want := range []string{
		"token.insufficient_funds: Creating...",
		"charge.insufficient_funds: Declined as expected",
		"declined as expected  card_declined / insufficient_funds",
		"declined as expected  card_declined / authentication_required",
		"declined as expected  expired_card",
		"Apply complete! Resources: 44 added, 0 changed, 0 destroyed.",
	} {
		if !strings.Contains(r.out, want) {
			t.Errorf("apply output lacks %q:\n%s", want, r.out)
		}
	}
	again := s.ok("apply", "pack:declines", "--auto-approve")
	// The pack's own description leads the plan, then Terraform's words.
	about := "# " + scenario.PackAbout("pack:declines") + "\n\n"
	if !strings.HasPrefix(again.out, about+views.NoChanges) || strings.Contains(again.out, "Creating") {
		t.Errorf("second apply:\n%s", again.out)
	}
	if n := len(strings.Fields(s.ok("state", "list").out)); n != 22 {
		t.Errorf("state holds %d tokens, want 22", n)
	}
}

func TestApplyReplaceMakesOneFreshToken(t *testing.T) {
	s := newSandbox(t)
	path := writeScenario(t, "token \"a\" {\n  card { preset = \"visa\" }\n}\ntoken \"b\" {\n  pii { preset = \"id_match\" }\n}\n")
	s.ok("apply", path, "--auto-approve")
	r := s.ok("apply", path, "--auto-approve", "--replace", "a")
	if !strings.Contains(r.out, "# token.a must be replaced") || strings.Contains(r.out, "token.b") {
		t.Errorf("replace output:\n%s", r.out)
	}
	if n := len(strings.Fields(s.ok("state", "list").out)); n != 3 {
		t.Errorf("state holds %d tokens, want 3 (a, b, and the new a)", n)
	}
	if all := s.ok("plan", path).out; !strings.HasPrefix(all, views.NoChanges) {
		t.Errorf("plan after replace:\n%s", all)
	}
}

// plan takes apply's --replace and --replace-all, and shows what apply
// would do with them, sending nothing.
func TestPlanReplace(t *testing.T) {
	s := newSandbox(t)
	path := writeScenario(t, "token \"a\" {\n  card { preset = \"visa\" }\n}\ntoken \"b\" {\n  pii { preset = \"id_match\" }\n}\n")
	s.ok("apply", path, "--auto-approve")
	one := s.ok("plan", path, "--replace", "a").out
	if !strings.Contains(one, "# token.a must be replaced") || strings.Contains(one, "token.b") || !strings.Contains(one, "Plan: 1 to add, 0 to change, 1 to destroy.") {
		t.Errorf("plan --replace a:\n%s", one)
	}
	all := s.ok("plan", path, "--replace-all").out
	if !strings.Contains(all, "# token.a must be replaced") || !strings.Contains(all, "# token.b must be replaced") {
		t.Errorf("plan --replace-all:\n%s", all)
	}
	if n := len(strings.Fields(s.ok("state", "list").out)); n != 2 {
		t.Errorf("state holds %d tokens after plans, want 2", n)
	}
	s.expect(2, "plan", path, "--replace", "c")
	s.expect(2, "plan", path, "--replace", "a", "--replace-all")
}

func TestApplyFailedStepExits1AndKeepsTheOthers(t *testing.T) {
	s := newSandbox(t)
	path := writeScenario(t, `
token "ok" {
  card { preset = "visa" }
  use "charge" {
    amount = 1000
  }
}
token "tiny" {
  card { preset = "visa" }
  use "charge" {
    amount = 10
  }
}
`)
	r := s.expect(1, "apply", path, "--auto-approve")
	if !strings.Contains(r.errOut, "token.tiny") || !strings.Contains(r.errOut, "amount_too_small") || strings.Contains(r.out, "Apply complete!") {
		t.Errorf("failed apply:\nstdout:\n%s\nstderr:\n%s", r.out, r.errOut)
	}
	if !strings.Contains(r.out, "succeeded") {
		t.Errorf("summary lacks the charge that succeeded:\n%s", r.out)
	}
	plan := s.ok("plan", path).out
	if !strings.Contains(plan, "# token.tiny will be created") || strings.Contains(plan, "token.ok") {
		t.Errorf("next plan should retry only tiny:\n%s", plan)
	}
}

func TestApplyJSONLines(t *testing.T) {
	s := newSandbox(t)
	r := s.ok("apply", "pack:declines", "--auto-approve", "--json")
	types := map[string]int{}
	for i, line := range strings.Split(strings.TrimSpace(r.out), "\n") {
		var msg struct {
			Type string `json:"type"`
		}
		if err := json.Unmarshal([]byte(line), &msg); err != nil {
			t.Fatalf("line %d is not JSON: %v\n%s", i+1, err, line)
		}
		if i == 0 && msg.Type != "version" {
			t.Errorf("first line is %q, want version", msg.Type)
		}
		types[msg.Type]++
	}
	want := map[string]int{"version": 1, "planned_change": 44, "apply_start": 44, "apply_complete": 44, "diagnostic": 22, "change_summary": 1}
	for typ, n := range want {
		if types[typ] != n {
			t.Errorf("%d %s lines, want %d (all: %v)", types[typ], typ, n, types)
		}
	}
	if plan := s.ok("plan", "pack:declines", "--json").out; !strings.HasPrefix(plan, "{") || !strings.Contains(plan, `"add":0`) {
		t.Errorf("plan --json after apply:\n%s", plan)
	}
}

// TestApplyAsksOnATerminal answers the prompt through a pseudo-terminal:
// anything but "yes" sends nothing.
func TestApplyAsksOnATerminal(t *testing.T) {
	s := newSandbox(t)
	for _, answer := range []string{"no", "yes"} {
		ptmx, tty, err := pty.Open()
		if err != nil {
			t.Skip("no pseudo-terminal:", err)
		}
		if _, err := ptmx.Write([]byte(answer + "\n")); err != nil {
			t.Fatal(err)
		}
		var out, errOut bytes.Buffer
		code := Main(context.Background(), []string{"apply", "pack:brands"}, tty, &out, &errOut, func(k string) string { return s.vars[k] })
		ptmx.Close()
		tty.Close()
		if !strings.Contains(out.String(), "Only 'yes' will be accepted to approve.") {
			t.Errorf("%s: no prompt:\n%s", answer, out.String())
		}
		_, statErr := os.Stat(filepath.Join(s.dir, "state.json"))
		switch answer {
		case "no":
			if code != 1 || statErr == nil {
				t.Errorf("answer no: exit %d, state written %v\n%s", code, statErr == nil, errOut.String())
			}
		case "yes":
			if code != 0 || !strings.Contains(out.String(), "Apply complete! Resources: 7 added") {
				t.Errorf("answer yes: exit %d\n%s%s", code, out.String(), errOut.String())
			}
		}
	}
}
