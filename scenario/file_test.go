package scenario

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

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
