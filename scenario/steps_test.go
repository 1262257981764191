package scenario

import (
	"bytes"
	"strings"
	"testing"

	"github.com/tokenscope/tokenscope/model"
)

// Steps follow the use in the file's order, a refund as often as written,
// with their arguments; verify defaults to the test deposits.
func TestParseSteps(t *testing.T) {
	f := mustParse(t, `
token "story" {
  card { preset = "threeds_always" }
  use "payment_intent" {
    amount         = 2000
    capture_method = "manual"
  }
  authenticate {}
  capture { amount = 1500 }
  refund { amount = 500 }
  refund {}
}
token "failed" {
  card { preset = "threeds_required" }
  use "payment_intent" { amount = 2000 }
  authenticate { fail = true }
  cancel {}
}
token "disputed" {
  card { preset = "dispute_fraudulent" }
  use "charge" { amount = 2000 }
  dispute { close = true }
}
token "bank" {
  bank_account { preset = "bank_ok" }
  use "customer" {}
  verify {}
}
`)
	story := f.Tokens[0].Steps
	if len(story) != 4 || story[0].Kind != model.StepAuthenticate || story[1].Amount != 1500 ||
		story[2].Kind != model.StepRefund || story[2].Amount != 500 || story[3].Amount != 0 {
		t.Errorf("story steps %+v", story)
	}
	if s := f.Tokens[1].Steps; len(s) != 2 || !s[0].Fail || s[1].Kind != model.StepCancel {
		t.Errorf("failed steps %+v", s)
	}
	if s := f.Tokens[2].Steps; len(s) != 1 || s[0].Evidence != "" {
		t.Errorf("disputed steps %+v", s)
	}
	if s := f.Tokens[3].Steps; len(s) != 1 || s[0].Amounts != model.TestDeposits {
		t.Errorf("bank steps %+v", s)
	}
	// Steps are not the token's inputs: adding one runs it on the token
	// the state has, rather than replacing the token.
	plain := mustParse(t, "token \"bank\" {\n  bank_account { preset = \"bank_ok\" }\n  use \"customer\" {}\n}\n")
	if plain.Tokens[0].Digest != f.Tokens[3].Digest {
		t.Error("a step changed the token's digest")
	}
}

// Every step that cannot run is reported at once, on its block or
// argument, saying what it needs; a misspelled step or argument gets
// HCL's "Did you mean".
func TestStepDiagnosticsAllAtOnce(t *testing.T) {
	src := `
token "no_use" {
  card { preset = "visa" }
  refund {}
}
token "wrong_use" {
  card { preset = "visa" }
  use "charge" { amount = 1000 }
  authenticate {}
}
token "no_challenge" {
  card { preset = "threeds_supported" }
  use "payment_intent" { amount = 1000 }
  authenticate {}
}
token "automatic" {
  card { preset = "visa" }
  use "payment_intent" { amount = 1000 }
  capture {}
}
token "declines" {
  card { preset = "insufficient_funds" }
  use "charge" { amount = 1000 }
  refund {}
}
token "typo_step" {
  card { preset = "visa" }
  use "charge" { amount = 1000 }
  refnd {}
}
token "typo_arg" {
  card { preset = "visa" }
  use "charge" { amount = 1000 }
  refund { amout = 5 }
}
token "negative" {
  card { preset = "visa" }
  use "charge" { amount = 1000 }
  refund { amount = -5 }
}
token "no_dispute" {
  card { preset = "visa" }
  use "charge" { amount = 1000 }
  dispute { evidence = "winning_evidence" }
}
token "both" {
  card { preset = "dispute_fraudulent" }
  use "charge" { amount = 1000 }
  dispute {
    evidence = "winning_evidence"
    close    = true
  }
}
token "card_verify" {
  card { preset = "visa" }
  use "customer" {}
  verify { amounts = [32, 450] }
}
token "step_as_use" {
  card { preset = "visa" }
  use "refund" {}
}
token "unauthenticated" {
  card { preset = "threeds_always" }
  use "payment_intent" { amount = 1000 }
  refund {}
}
token "declined_after" {
  card { preset = "threeds_declined" }
  use "payment_intent" { amount = 1000 }
  authenticate {}
  refund {}
}
`
	f, diags := parse("scenario.hcl", []byte(src), testNow)
	var buf bytes.Buffer
	_ = f.WriteDiagnostics(&buf, diags, 0)
	out := buf.String()
	for _, want := range []string{
		`A refund step acts on the charge (or the PaymentIntent's), which the token's use makes: add a use "charge" or use "payment_intent" or use "authorize" block`,
		`this token's use is "charge"`,
		`The threeds_supported card asks for no 3D Secure`,
		`capture_method = "manual"`,
		`This token's use declines (card_declined / insufficient_funds)`,
		`Did you mean "refund"?`,
		`Did you mean "amount"?`,
		`parameter_invalid_integer`,
		`The visa card opens no dispute`,
		`one of the two`,
		`verify step verifies the bank account a bank_account token gave the customer; this is a card token`,
		`refund is a step after the use`,
		`There is no payment to refund here: the PaymentIntent waits for 3D Secure`,
		`the threeds_declined card declines once authenticated (card_declined`,
	} {
		if !strings.Contains(out, want) {
			t.Errorf("diagnostics lack %q:\n%s", want, out)
		}
	}
	if n := len(diags.Errs()); n != 15 {
		t.Errorf("%d errors, want 15 (one per fault):\n%s", n, out)
	}
}
