package state

import (
	"bytes"
	"os"
	"testing"

	"github.com/tokenscope/tokenscope/internal/fsutil"
)

// FuzzLoad writes arbitrary bytes as state.json: Load must never panic,
// and a state it accepts must survive being written and read again
// unchanged, or the next Update would silently alter it.
func FuzzLoad(f *testing.F) {
	var st State
	st.Version, st.Serial, st.Lineage = Version, 3, fsutil.NewID()
	w := st.Workspace("offline")
	w.Upsert(cardRecord("tok_a"))
	w.Scenarios = map[string]string{"token.visa": "tok_a"}
	valid, err := encode(&st)
	if err != nil {
		f.Fatal(err)
	}
	for _, seed := range []string{
		string(valid),
		string(valid[:len(valid)/2]),
		`{"version":1,"serial":1,"lineage":"x","workspaces":{"a":null}}`,
		`{"version":1,"workspaces":{"a":{"tokens":[{"id":"tok_x","raw":{"a":"\u2028<>&"},"fetched_at":"2025-01-02T03:04:05+01:00"}]}}}`,
		`{"version":1,"workspaces":{"a":{"tokens":[{"raw":null,"uses":[{"at":"0001-01-01T00:00:00Z"}]}]}}}`,
		`{"VERSION":1,"Serial":-4,"extra":[1,2]}`,
		`{"version":2}`, `null`, ``, `[]`, `{"version":1}{}`,
	} {
		f.Add([]byte(seed))
	}
	dir := f.TempDir()
	s, err := Open(Options{Dir: dir})
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		if err := os.WriteFile(s.Path(), data, fsutil.FileMode); err != nil {
			t.Fatal(err)
		}
		first, err := s.Load()
		if err != nil {
			return
		}
		once, err := encode(first)
		if err != nil {
			t.Fatalf("a loaded state does not encode: %v", err)
		}
		if err := os.WriteFile(s.Path(), once, fsutil.FileMode); err != nil {
			t.Fatal(err)
		}
		second, err := s.Load()
		if err != nil {
			t.Fatalf("a state we wrote does not load: %v\n%s", err, once)
		}
		twice, err := encode(second)
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(once, twice) {
			t.Fatalf("the state changed on its way through the file:\n%s\n%s", once, twice)
		}
	})
}
