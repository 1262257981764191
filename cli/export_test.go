package cli

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/tokenscope/tokenscope/model"
	"github.com/tokenscope/tokenscope/scenario"
)

// Every export applies: a workspace holding every pack applied (their
// steps too) and what was done by hand (a PII token given to an account,
// a PaymentIntent left waiting for 3D Secure, challenges completed and
// failed, refunds in part and of the rest) exports to a file that applies
// in an empty state dir with the same tokens, used pattern, decline codes
// and steps: the 3D Secure outcomes and refunds are repeated. The uses a
// file cannot run are comments saying what to run instead; the id
// number's token is the one whose used pattern differs (its account is
// another workspace's), and the account token has no test data.
func TestStateExportOfEveryKindApplies(t *testing.T) {
	a := newSandbox(t)
	for _, p := range scenario.Packs() {
		a.run("apply", p, "--auto-approve") // declines exit 1; a pack that does not parse applies nothing
	}
	bank := a.create("bank", "bank_insufficient_funds")
	a.expect(2, "use", bank, "--charge", "1000") // token_use_unsupported: a debit is a customer's charge
	a.ok("use", a.create("bank", "bank_ok"), "--customer")
	ct := token(t, a.ok("create", "account", "--business-type", "individual", "--json").out).ID
	acct := struct {
		Use model.Use `json:"use"`
	}{}
	if err := json.Unmarshal([]byte(a.ok("use", ct, "--account", "--json").out), &acct); err != nil {
		t.Fatal(err)
	}
	pii := a.create("pii", "id_match")
	a.ok("use", pii, "--id-number-for", acct.Use.ObjectID)
	a.ok("use", a.create("card", "threeds_required"), "--payment-intent", "1000", "--capture", "manual")
	a.ok("use", a.create("card", "visa"), "--payment-intent", "2000", "--capture", "manual")
	a.ok("use", a.create("card", "mastercard"), "--payment-method")
	pi := useObject(t, a.ok("use", a.create("card", "threeds_always"), "--payment-intent", "3000", "--json").out)
	a.ok("authenticate", pi)
	a.ok("refund", pi, "--amount", "700")
	a.ok("authenticate", useObject(t, a.ok("use", a.create("card", "threeds_required"), "--payment-intent", "3000", "--json").out), "--fail")
	ch := useObject(t, a.ok("use", a.create("card", "amex"), "--charge", "4000", "--json").out)
	a.ok("refund", ch, "--amount", "1000")
	a.ok("refund", ch)

	file := filepath.Join(t.TempDir(), "workspace.hcl")
	a.ok("state", "export", "--out", file)
	src, _ := os.ReadFile(file)
	for _, want := range []string{`capture_method = "manual"`, "authenticate {} (or { fail = true })", "--id-number-for",
		"authenticate {", "fail = true", "amount = 700", "amount = 1000", "refund {", "evidence = \"winning_evidence\"", "verify {"} {
		if !strings.Contains(string(src), want) {
			t.Errorf("the export does not say %q:\n%s", want, src)
		}
	}
	b := newSandbox(t)
	if r := b.run("apply", file, "--auto-approve"); r.code == 2 {
		t.Fatalf("the export does not apply:\n%s\n%s", r.all(), src)
	}
	shape := func(s *sandbox) (out []string) {
		for _, id := range strings.Fields(s.ok("state", "list").out) {
			if !strings.Contains(id, "_") {
				continue
			}
			var r model.Record
			if err := json.Unmarshal([]byte(s.ok("state", "show", id, "--json").out), &r); err != nil {
				t.Fatal(err)
			}
			if r.Type == model.KindAccount || r.Preset == "id_match" { // the PII token given to the account
				continue
			}
			line := string(r.Type) + " " + r.Summary + " used=" + strconv.FormatBool(r.Used)
			// A bank token charged directly (older states: now refused
			// before sending) is a comment: only its used pattern is compared.
			if len(r.Uses) > 0 && !(r.Type == model.KindBankAccount && r.Uses[0].Kind == model.UseCharge) {
				u := r.Uses[0]
				line += " " + string(u.Kind) + ":" + u.Status + ":" + u.Code + "/" + u.DeclineCode + " " + u.CaptureMethod
			}
			for _, st := range r.Steps { // a refund's status may be pending a while: the step and its arguments
				line += fmt.Sprintf(" then %s:%d:%t:%s", st.Kind, st.Amount, st.Fail, st.Evidence)
				if st.Kind == model.StepAuthenticate {
					line += ":" + st.Status + ":" + st.Code
				}
			}
			out = append(out, line)
		}
		slices.Sort(out)
		return out
	}
	if got, want := shape(b), shape(a); !slices.Equal(got, want) {
		t.Errorf("applied export:\n%s\nwant:\n%s\nfile:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"), src)
	}
}
