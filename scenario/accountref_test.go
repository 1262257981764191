package scenario

import (
	"bytes"
	"strings"
	"testing"
)

// An id_number use names the earlier block whose account it goes to; a
// missing, malformed, later or misspelt reference is reported at it.
func TestAccountReference(t *testing.T) {
	f := mustParse(t, `
token "individual" {
  account { business_type = "individual" }
  use "account" {}
}
token "ssn" {
  pii { preset = "id_match" }
  use "id_number" { account = token.individual }
}
`)
	if ref := f.Tokens[1].accountRef.name; ref != "individual" {
		t.Errorf("reference %q", ref)
	}
	src := `
token "no_account" {
  pii { preset = "id_match" }
  use "id_number" {}
}
token "literal" {
  pii { preset = "id_match" }
  use "id_number" { account = "acct_123" }
}
token "later" {
  pii { preset = "id_match" }
  use "id_number" { account = token.company }
}
token "individual" {
  account { business_type = "individual" }
  use "account" {}
}
token "typo" {
  pii { preset = "id_match" }
  use "id_number" { account = token.individul }
}
token "company" {
  account { business_type = "company" }
  use "account" { account = token.individual }
}
`
	f, diags := parse("scenario.hcl", []byte(src), testNow)
	var buf bytes.Buffer
	_ = f.WriteDiagnostics(&buf, diags, 0)
	out := buf.String()
	for _, want := range []string{
		"write account = token.NAME", "--id-number-for acct_",
		"token.company is no earlier block whose use \"account\" makes a Connect account; the blocks before this one that make one: none",
		`Did you mean "individual"?`,
		"Only an id_number use takes account",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("diagnostics lack %q:\n%s", want, out)
		}
	}
	if n := len(diags.Errs()); n != 5 {
		t.Errorf("%d errors, want 5:\n%s", n, out)
	}
}
