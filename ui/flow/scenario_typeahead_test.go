package flow

import (
	"os"
	"path/filepath"
	"testing"
)

// Keys typed before the dir's files are listed (s jjj… in one write over
// SSH) move the cursor once they are: it stops where a slow typist's
// would, on a file, not on the last pack.
func TestScenarioKeepsKeysTypedBeforeTheFilesAreListed(t *testing.T) {
	dir := t.TempDir()
	for _, name := range []string{"a.hcl", "b.hcl", "c.hcl"} {
		if err := os.WriteFile(filepath.Join(dir, name), []byte("# "+name+"\n"), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	pc, _ := newContext(t, 120, 40, setup{})
	pc.ScenarioDir = dir
	s := NewScenario(pc).(*Scenario)
	packs := len(s.entries)
	list := s.Init()
	if list == nil {
		t.Fatal("Init lists no files")
	}
	for range packs + 1 { // past the packs, onto the second file
		s.Update(keyMsg("j"))
	}
	s.Update(list())
	if got, want := filepath.Base(s.entries[s.cursor].arg), "b.hcl"; got != want {
		t.Errorf("typed ahead, the cursor is on %q, want %q", got, want)
	}
	s.Update(keyMsg("G"))
	if got, want := filepath.Base(s.entries[s.cursor].arg), "c.hcl"; got != want {
		t.Errorf("G: the cursor is on %q, want %q", got, want)
	}
	s.Update(keyMsg("g"))
	if s.cursor != 0 {
		t.Errorf("g: the cursor is on %q, want the first pack", s.entries[s.cursor].name)
	}
}
