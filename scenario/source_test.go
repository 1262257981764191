package scenario

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// Two files that share a block name are two resources: applying one must
// not make the other's block "No changes".
func TestSameNameInTwoFilesIsTwoResources(t *testing.T) {
	s := offlineSession(t)
	banks, diags := Load("pack:banks")
	if diags.HasErrors() {
		t.Fatal(diags.Error())
	}
	if r := Apply(context.Background(), s, planFor(t, s, banks, PlanOptions{}), nil); len(r.Failed()) != 0 {
		t.Fatalf("pack:banks failed: %v", r.Failed()[0].Err)
	}
	path := filepath.Join(t.TempDir(), "s1.hcl")
	if err := os.WriteFile(path, []byte(`token "bank_ok" {
  bank_account { preset = "bank_ok" }
}
`), 0o600); err != nil {
		t.Fatal(err)
	}
	s1, diags := Load(path)
	if diags.HasErrors() {
		t.Fatal(diags.Error())
	}
	p := planFor(t, s, s1, PlanOptions{})
	if len(p.Steps) != 1 || p.Changes[0].Address != "token.bank_ok" {
		t.Fatalf("s1's bank_ok after pack:banks: %d steps %+v, want token.bank_ok created", len(p.Steps), p.Changes)
	}
	if r := Apply(context.Background(), s, p, nil); len(r.Failed()) != 0 {
		t.Fatal(r.Failed()[0].Err)
	}
	links := linked(t, s)
	pack, file := links["pack:banks/bank_ok"], links[path+"/bank_ok"]
	if pack == "" || file == "" || pack == file {
		t.Errorf("links = %v, want pack:banks/bank_ok and %s/bank_ok, two tokens", links, path)
	}
	if again := planFor(t, s, s1, PlanOptions{}); len(again.Changes) != 0 {
		t.Errorf("s1 applied twice plans %d changes", len(again.Changes))
	}
}

// A file's source is its cleaned absolute path, so the same file named
// from another directory is the same resource.
func TestSourceIsAbsolutePath(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "s.hcl")
	if err := os.WriteFile(path, []byte(`token "a" {
  card { preset = "visa" }
}
`), 0o600); err != nil {
		t.Fatal(err)
	}
	t.Chdir(dir)
	typed := filepath.Join("..", filepath.Base(dir), ".", "s.hcl")
	f, diags := Load(typed)
	if diags.HasErrors() {
		t.Fatal(diags.Error())
	}
	real, _ := filepath.EvalSymlinks(dir)
	if f.Source != path && f.Source != filepath.Join(real, "s.hcl") {
		t.Errorf("Source = %q, want %q", f.Source, path)
	}
	if f.Name != typed {
		t.Errorf("Name = %q: diagnostics should name the file as typed", f.Name)
	}
	if p, _ := Load("pack:declines"); p.Source != "pack:declines" || !strings.HasPrefix(p.Key("lost_card"), "pack:declines/") {
		t.Errorf("pack source %q key %q", p.Source, p.Key("lost_card"))
	}
}
