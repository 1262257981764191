package model

import (
	"strings"
	"testing"
	"time"
)

// Every kind tokenscope creates can be made from each of its presets, and
// its request's parameters read back into the same request.
func TestCreatorsRoundTrip(t *testing.T) {
	now := time.Date(2026, 3, 1, 0, 0, 0, 0, time.UTC)
	for _, s := range Creatable() {
		c := s.Create
		if c.Command == "" || c.Use == "" || c.Validate == nil || c.New == nil || len(c.Inputs) == 0 {
			t.Errorf("%s: incomplete creator", s.Kind)
		}
		for _, p := range c.Presets {
			req := p.Request(now)
			if err := Validate(req, now); err != nil && !strings.HasPrefix(p.Name, "incorrect_") {
				t.Errorf("%s preset %s: %v", s.Kind, p.Name, err)
			}
			if got := c.PresetOf(req, now); got != p.Name {
				t.Errorf("%s preset %s: PresetOf = %q", s.Kind, p.Name, got)
			}
			params := map[string]string{}
			for _, kv := range c.Params(req) {
				params[kv[0]] = kv[1]
			}
			back, fe := c.FromParams(s, func(k string) string { return params[k] })
			if fe != nil {
				t.Fatalf("%s preset %s: FromParams: %v", s.Kind, p.Name, fe)
			}
			back.Preset = req.Preset
			if PlanCreate("x", back).Attrs == nil || !samePlan(PlanCreate("x", back), PlanCreate("x", req)) {
				t.Errorf("%s preset %s: %+v read back as %+v", s.Kind, p.Name, PlanCreate("x", req), PlanCreate("x", back))
			}
		}
	}
}

func samePlan(a, b Change) bool {
	if len(a.Attrs) != len(b.Attrs) {
		return false
	}
	for i := range a.Attrs {
		if a.Attrs[i] != b.Attrs[i] {
			return false
		}
	}
	return true
}

// A card's parameters are the ones stripe-go's CardParams would send.
func TestCardParams(t *testing.T) {
	req, err := FromPresetAt("amex", time.Date(2026, 3, 1, 0, 0, 0, 0, time.UTC))
	if err != nil {
		t.Fatal(err)
	}
	req.Card.Name = "Jenny Rosen"
	var got []string
	for _, kv := range cardKind.Create.Params(req) {
		got = append(got, kv[0]+"="+kv[1])
	}
	want := "card[number]=378282246310005 card[exp_month]=12 card[exp_year]=2031 card[cvc]=1234 card[name]=Jenny Rosen"
	if strings.Join(got, " ") != want {
		t.Errorf("params = %q, want %q", got, want)
	}
}

func TestNewRequestHasDefaults(t *testing.T) {
	r := NewRequest(bankKind)
	if r.Kind != KindBank || r.Bank == nil || r.Bank.Country != "US" || r.Bank.Currency != "usd" || r.Bank.AccountNumber != "" {
		t.Errorf("new bank request = %+v %+v", r, r.Bank)
	}
	fe := Validate(TokenRequest{Kind: "spaceship"}, time.Now())
	if fe == nil || !strings.Contains(fe.Error(), "parameter_unknown") {
		t.Fatalf("unknown kind: %v", fe)
	}
	for _, s := range Creatable() {
		if !strings.Contains(fe.Error(), string(s.Kind)) {
			t.Errorf("unknown kind: %v does not name %s", fe, s.Kind)
		}
	}
}
