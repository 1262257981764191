package scenario

import (
	"bytes"
	"strings"
	"testing"
)

// A file's errors come all at once, as Terraform reports them: fixing
// one to learn of the next was a loop of edits. A mistyped preset or use
// step gets HCL's "Did you mean", as a mistyped argument does.
func TestParseReportsEveryErrorWithSuggestions(t *testing.T) {
	src := `
token "typo_preset" {
  card { preset = "insuficient_funds" }
}
token "typo_attr" {
  card { presett = "visa" }
}
token "two_bad_fields" {
  card {
    number    = "4242424242424241"
    exp_month = 12
    exp_year  = 2031
    cvc       = "12345"
  }
}
token "typo_use" {
  card { preset = "visa" }
  use "charg" { amount = 1000 }
}
token "fine" {
  card { preset = "visa" }
}
`
	f, diags := parse("scenario.hcl", []byte(src), testNow)
	var buf bytes.Buffer
	_ = f.WriteDiagnostics(&buf, diags, 0)
	out := buf.String()
	for _, want := range []string{
		`Did you mean "insufficient_funds"?`,
		`Unsupported argument`, `Did you mean "preset"?`,
		`incorrect_number`, `invalid_cvc`,
		`Did you mean "charge"?`,
	} {
		if !strings.Contains(out, want) {
			t.Errorf("diagnostics lack %q:\n%s", want, out)
		}
	}
	if n := len(diags.Errs()); n != 5 {
		t.Errorf("%d errors, want 5 (one per fault):\n%s", n, out)
	}
	if f.Tokens != nil {
		t.Errorf("a file with errors yields tokens: %v", f.Tokens)
	}
}

// The file's own header comment describes it in the picker and the plan;
// a comment right above the first block is that block's, not the file's.
func TestAboutIsTheHeaderComment(t *testing.T) {
	for _, c := range []struct{ name, src, want string }{
		{"checkout.hcl", "# Checkout declines for ticket 1234:\n# one token per code.\n#\n# More detail.\n\ntoken \"a\" {}\n", "Checkout declines for ticket 1234: one token per code."},
		{"pack:declines", "// pack:declines: one token per declining card.\n\ntoken \"a\" {}\n", "one token per declining card."},
		{"dir/x.hcl", "\n# x.hcl: about x\n", "about x"},
		{"block.hcl", "# Visa credit\ntoken \"visa\" {}\n", ""},
		{"none.hcl", "token \"visa\" {}\n", ""},
		{"secret.hcl", "# charges 4000000000009995\n\n", "charges ••••9995"},
	} {
		if got := About(c.name, []byte(c.src)); got != c.want {
			t.Errorf("About(%s) = %q, want %q", c.name, got, c.want)
		}
	}
	f := mustParse(t, "# Checkout declines.\n\ntoken \"v\" {\n  card { preset = \"visa\" }\n}\n")
	p, err := MakePlan(f, nil, PlanOptions{})
	if err != nil || p.About != "Checkout declines." {
		t.Errorf("plan About = %q (%v)", p.About, err)
	}
}
