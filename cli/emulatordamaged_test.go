package cli

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// A damaged emulator log (not a torn tail) no longer stops the program
// that opens the state dir: the state reads as before (the TUI opens on
// it), and a request is answered api_error / emulator_corrupt naming the
// file, leaving nothing pending to send again (the emulator changed
// nothing).
func TestDamagedEmulatorLogLeavesTheStateReadable(t *testing.T) {
	s := newSandbox(t)
	for _, p := range []string{"visa", "mastercard", "amex", "discover", "jcb", "diners"} {
		s.create("card", p)
	}
	log := filepath.Join(s.dir, "emulator-000001.log")
	b, err := os.ReadFile(log)
	if err != nil {
		t.Fatal(err)
	}
	// The amex token's record, which three more follow: damage, not a
	// tail torn by a crash (the log's zeros behind the records would be).
	at := bytes.Index(b, []byte(`"American Express"`))
	if at < 0 {
		t.Fatal("no amex token in the log")
	}
	for i := at; i < at+20; i++ {
		b[i] ^= 0x55
	}
	if err := os.WriteFile(log, b, 0o600); err != nil {
		t.Fatal(err)
	}
	var list []json.RawMessage
	if r := s.expect(0, "list", "--json"); json.Unmarshal([]byte(r.out), &list) != nil || len(list) != 6 {
		t.Fatalf("list: %s", r.out)
	}
	r := s.expect(3, "create", "card", "--preset", "visa", "--json")
	var e struct {
		Error struct{ Type, Code, Message string }
	}
	if err := json.Unmarshal([]byte(r.out), &e); err != nil || e.Error.Type != "api_error" || e.Error.Code != "emulator_corrupt" || !strings.Contains(e.Error.Message, log) {
		t.Errorf("create: stdout %q (%v)", r.out, err)
	}
	if r := s.expect(0, "list"); strings.Contains(r.errOut, "pending") {
		t.Errorf("a request the damaged emulator refused is left pending:\n%s", r.errOut)
	}
}
