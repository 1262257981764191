package scenario

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/tokenscope/tokenscope/model"
	"github.com/tokenscope/tokenscope/model/state"
	"github.com/tokenscope/tokenscope/views"
)

const lostCard = `
token "x" {
  card {
    preset = "lost_card"
  }
  use "charge" {
    amount = 1000
  }
}
`

// Changing a block replaces its token: the plan says what changed.
func TestChangedBlockIsReplaced(t *testing.T) {
	s := offlineSession(t)
	f := mustParse(t, lostCard)
	if r := Apply(context.Background(), s, planFor(t, s, f, PlanOptions{}), nil); len(r.Failed()) != 0 {
		t.Fatal(r.Failed()[0].Err)
	}
	old := linked(t, s)[f.Key("x")]
	changed := mustParse(t, strings.Replace(lostCard, "lost_card", "stolen_card", 1))
	p := planFor(t, s, changed, PlanOptions{})
	var text bytes.Buffer
	_ = views.WritePlan(&text, p.Plan)
	for _, want := range []string{
		"# token.x must be replaced: its block changed since it was applied",
		`-/+ token "x" {`,
		`~ preset      = "lost_card" -> "stolen_card"   (forces replacement)`,
		"# charge.x will be created",
		"Plan: 2 to add, 0 to change, 1 to destroy.",
	} {
		if !strings.Contains(text.String(), want) {
			t.Errorf("plan lacks %q:\n%s", want, text.String())
		}
	}
	if len(p.Steps) != 1 || p.Steps[0].Replaces != old {
		t.Fatalf("steps = %+v, want x replacing %s", p.Steps, old)
	}
	if r := Apply(context.Background(), s, p, nil); len(r.Failed()) != 0 {
		t.Fatal(r.Failed()[0].Err)
	}
	if again := planFor(t, s, changed, PlanOptions{}); len(again.Changes) != 0 {
		t.Errorf("after the replacement, plan has %d changes", len(again.Changes))
	}
	// A change a preset does not show (the amount) still replaces, with
	// the reason in the header.
	more := mustParse(t, strings.Replace(strings.Replace(lostCard, "lost_card", "stolen_card", 1), "1000", "2000", 1))
	text.Reset()
	_ = views.WritePlan(&text, planFor(t, s, more, PlanOptions{}).Plan)
	if !strings.Contains(text.String(), "# token.x must be replaced: its block changed") || strings.Contains(text.String(), "~ preset") {
		t.Errorf("amount change plans:\n%s", text.String())
	}
}

// The digest never puts a secret in the state, and only the block's
// inputs count: not layout, comments, attribute order or the date.
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

	s := offlineSession(t)
	dir := t.TempDir()
	store, _ := state.Open(state.Options{Dir: dir})
	s.Store = store
	f := mustParse(t, src)
	if r := Apply(context.Background(), s, planFor(t, s, f, PlanOptions{}), nil); len(r.Failed()) != 0 {
		t.Fatal(r.Failed()[0].Err)
	}
	ws, _ := s.LoadWorkspace()
	if rec, _ := ws.Find(linked(t, s)[f.Key("c")]); rec.ScenarioDigest != a {
		t.Errorf("record digest %q, want %q", rec.ScenarioDigest, a)
	}
	data, err := os.ReadFile(filepath.Join(dir, "state.json"))
	if err != nil {
		t.Fatal(err)
	}
	if bytes.Contains(data, []byte("4000000000009987")) || bytes.Contains(data, []byte(`"314"`)) {
		t.Error("state.json holds the card number or the CVC")
	}
}

// A record written before digests has none: it is not compared.
func TestRecordWithoutDigestIsUnchanged(t *testing.T) {
	s := offlineSession(t)
	f := mustParse(t, `token "x" {
  card { preset = "visa" }
}
`)
	if _, err := s.Create(context.Background(), f.Tokens[0].Request, f.Key("x")); err != nil {
		t.Fatal(err)
	}
	changed := mustParse(t, `token "x" {
  card { preset = "mastercard" }
}
`)
	if p := planFor(t, s, changed, PlanOptions{}); len(p.Changes) != 0 {
		t.Errorf("a record without a digest plans %d changes", len(p.Changes))
	}
}
