package scenario

import (
	"strings"
	"testing"
)

// The plan of a PaymentIntent whose 3D Secure challenge the file fails
// (authenticate { fail = true }) expects it back in
// requires_payment_method, as the apply then finds, not "then succeeded".
func TestPlanOfAFailedChallengeExpectsFailure(t *testing.T) {
	src := `token "tds_fail" {
  card { preset = "threeds_always" }
  use "payment_intent" { amount = 1000 }
  authenticate { fail = true }
}
`
	f, diags := Parse("s.hcl", []byte(src))
	if diags.HasErrors() {
		t.Fatal(diags.Error())
	}
	p, err := MakePlan(f, nil, PlanOptions{})
	if err != nil {
		t.Fatal(err)
	}
	var notes []string
	for _, c := range p.Changes {
		for _, a := range c.Attrs {
			if a.Note != "" {
				notes = append(notes, c.Address+" "+a.Name+": "+a.Note)
			}
		}
	}
	all := strings.Join(notes, "\n")
	for _, want := range []string{
		"payment_intent.tds_fail card.token: expected: requires_action (3D Secure), then failed: requires_payment_method",
		"authenticate.tds_fail status: expected: requires_payment_method",
	} {
		if !strings.Contains(all, want) {
			t.Errorf("plan lacks %q:\n%s", want, all)
		}
	}
	if strings.Contains(all, "then succeeded") {
		t.Errorf("the plan expects success:\n%s", all)
	}
}
