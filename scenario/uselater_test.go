package scenario

import (
	"bytes"
	"strings"
	"testing"

	"github.com/tokenscope/tokenscope/model"
)

// The authorize and setup_intent uses parse, with the steps that act on
// what they make (capture and refund of an authorization, a SetupIntent's
// 3D Secure answer), and plan as the CLI's use does.
func TestParseAndPlanLaterUses(t *testing.T) {
	f := mustParse(t, `
token "held" {
  card { preset = "visa" }
  use "authorize" { amount = 2000 }
  capture { amount = 1500 }
}
token "released" {
  card { preset = "visa" }
  use "authorize" { amount = 1000 }
  refund {}
}
token "saved" {
  card { preset = "threeds_setup" }
  use "setup_intent" {}
  authenticate {}
}
`)
	p, err := MakePlan(f, nil, PlanOptions{})
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, c := range p.Changes {
		line := c.Address + " " + c.Request
		for _, a := range c.Attrs {
			line += " " + a.Name + "=" + a.Value
		}
		got = append(got, line)
	}
	text := strings.Join(got, "\n")
	for _, want := range []string{
		"charge.held POST /v1/charges amount=2000 currency=\"usd\" capture=false",
		"capture.held POST /v1/charges/{id}/capture charge=(known after apply) amount=1500",
		"refund.released POST /v1/refunds charge=(known after apply) amount=(known after apply)",
		"setup_intent.saved POST /v1/setup_intents confirm=true usage=\"off_session\"",
		"authenticate.saved POST /3ds/{setup_intent}",
	} {
		if !strings.Contains(text, want) {
			t.Errorf("the plan lacks %q:\n%s", want, text)
		}
	}
	if a, _, _ := p.Counts(); a != 11 {
		t.Errorf("the plan adds %d, want 11 (3 tokens, 2 charges, a PaymentMethod, a customer, a SetupIntent, 3 steps)", a)
	}
	if u := f.Tokens[2].Use; u == nil || u.Kind != model.UseSetupIntent {
		t.Errorf("saved's use: %+v", u)
	}
}

// What the new uses do not take, or steps they make nothing for, are
// errors before anything is sent.
func TestLaterUsesRefusals(t *testing.T) {
	for src, want := range map[string]string{
		`use "setup_intent" { amount = 100 }`:                   "takes no amount",
		`use "authorize" { capture_method = "manual" }`:         "Only a payment_intent use takes capture_method",
		"use \"setup_intent\" {}\n  capture {}":                 `only use "payment_intent" or use "authorize" makes`,
		"use \"authorize\" { amount = 100 }\n  authenticate {}": `only use "payment_intent" or use "setup_intent" makes`,
	} {
		f, diags := parse("scenario.hcl", []byte("token \"t\" {\n  card { preset = \"visa\" }\n  "+src+"\n}\n"), testNow)
		var buf bytes.Buffer
		_ = f.WriteDiagnostics(&buf, diags, 0)
		if !strings.Contains(buf.String(), want) {
			t.Errorf("%q: want an error saying %q:\n%s", src, want, buf.String())
		}
	}
	f, diags := parse("scenario.hcl", []byte("token \"t\" {\n  card { preset = \"visa\" }\n  use \"setup_intent\" {}\n  authenticate {}\n}\n"), testNow)
	var buf bytes.Buffer
	_ = f.WriteDiagnostics(&buf, diags, 0)
	if !strings.Contains(buf.String(), "asks for no 3D Secure when saved") {
		t.Errorf("authenticate after saving a visa:\n%s", buf.String())
	}
}
