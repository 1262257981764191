package state

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// A null workspace, token or pending request in state.json is an error
// naming the file and the entry, and nothing is changed: they were read
// as a "?" token and a pending request with no key, sent again.
func TestNullEntriesRefused(t *testing.T) {
	for name, tc := range map[string]struct{ file, entry string }{
		"null workspace": {`{"version":1,"workspaces":{"offline":null}}`, `workspaces["offline"]`},
		"null token":     {`{"version":1,"workspaces":{"offline":{"tokens":[null]}}}`, `workspaces["offline"].tokens[0]`},
		"token no id":    {`{"version":1,"workspaces":{"offline":{"tokens":[{"type":"card"}]}}}`, `workspaces["offline"].tokens[0]`},
		"null pending":   {`{"version":1,"workspaces":{"offline":{"pending":[null]}}}`, `workspaces["offline"].pending[0]`},
		"pending no op":  {`{"version":1,"workspaces":{"offline":{"pending":[{"idempotency_key":"k"}]}}}`, `workspaces["offline"].pending[0]`},
	} {
		t.Run(name, func(t *testing.T) {
			s := openStore(t, filepath.Join(t.TempDir(), "state"))
			os.MkdirAll(filepath.Dir(s.Path()), 0o700)
			os.WriteFile(s.Path(), []byte(tc.file), 0o600)
			_, err := s.Load()
			if err == nil || !strings.Contains(err.Error(), s.Path()) || !strings.Contains(err.Error(), tc.entry) {
				t.Errorf("Load of %s: %v", tc.file, err)
			}
			if after, _ := os.ReadFile(s.Path()); string(after) != tc.file {
				t.Errorf("the file changed to %s", after)
			}
		})
	}
}
