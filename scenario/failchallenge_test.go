package scenario

import (
	"strings"
	"testing"
)

// A plan whose authenticate step fails the challenge does not expect the
// payment to succeed.
func TestPlanOfFailedChallengeExpectsNoPayment(t *testing.T) {
	for src, want := range map[string]string{
		"authenticate { fail = true }": "then requires_payment_method: the challenge is failed",
		"authenticate {}":              "then succeeded",
	} {
		f, diags := Parse("f.hcl", []byte("token \"t\" {\n card { preset = \"threeds_always\" }\n use \"payment_intent\" { amount = 1000 }\n "+src+"\n}\n"))
		if diags.HasErrors() {
			t.Fatal(diags)
		}
		p, err := MakePlan(f, nil, PlanOptions{})
		if err != nil {
			t.Fatal(err)
		}
		var notes []string
		for _, c := range p.Changes {
			for _, a := range c.Attrs {
				notes = append(notes, a.Note)
			}
		}
		if got := strings.Join(notes, "\n"); !strings.Contains(got, want) {
			t.Errorf("%s: the plan's notes lack %q:\n%s", src, want, got)
		}
	}
}
