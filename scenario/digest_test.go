package scenario

import (
	"strings"
	"testing"

	"github.com/tokenscope/tokenscope/model"
)

// Only the block's inputs count in the digest: not layout, comments,
// attribute order or the date; secrets count by their masked form.
func TestDigestIsOfInputsOnly(t *testing.T) {
	src := `token "c" {
  card {
    number    = "4000000000009987"
    cvc       = "314"
    exp_month = 12
    exp_year  = 2034
  }
}
`
	reordered := `# a comment
token "c" {
  card {
    cvc = "314"
    exp_year = 2034
    exp_month = 12
    number = "4000000000009987"
  }
}
`
	a := mustParse(t, src).Tokens[0].Digest
	b, _ := parse("other.hcl", []byte(reordered), testNow.AddDate(3, 0, 0))
	if a == "" || b.Tokens[0].Digest != a {
		t.Errorf("digests %q and %q differ for the same inputs", a, b.Tokens[0].Digest)
	}
	for name, edited := range map[string]string{
		"number": strings.Replace(src, "9987", "9979", 1),
		"exp":    strings.Replace(src, "2034", "2035", 1),
	} {
		if d := mustParse(t, edited).Tokens[0].Digest; d == a {
			t.Errorf("changing %s keeps the digest", name)
		}
	}
	// Secrets count by their masked form only: a digest of the number
	// itself could be brute-forced back into it.
	if d := mustParse(t, strings.Replace(src, "314", "999", 1)).Tokens[0].Digest; d != a {
		t.Error("the digest depends on the CVC itself, not only on its masked form")
	}
	masked := func(k model.Kind, attr, v string) string {
		spec, _ := model.SpecOf(k)
		for i, in := range spec.Create.Inputs {
			if in.Attr == attr {
				return digestValue(attrValue{name: attr, text: v, input: &spec.Create.Inputs[i]})
			}
		}
		t.Fatalf("%s has no attribute %s", k, attr)
		return ""
	}
	if masked(model.KindCard, "number", "4000000000009987") != masked(model.KindCard, "number", "4242 4242 4242 9987") ||
		masked(model.KindPII, "id_number", "000000000") != masked(model.KindPII, "id_number", "123456789") {
		t.Error("digestValue keeps more of a secret than its masked form")
	}
}
