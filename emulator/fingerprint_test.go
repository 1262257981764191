package emulator

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// bankFingerprint makes a bank account token with e and returns its
// bank_account.fingerprint.
func bankFingerprint(t *testing.T, e *Emulator, account string) string {
	t.Helper()
	rec := do(t, e, "POST", "/v1/tokens", testKey, "bank_account[country]=US&bank_account[currency]=usd&bank_account[routing_number]=110000000&bank_account[account_number]="+account, nil)
	if rec.Code != 200 {
		t.Fatalf("bank token: %d %s", rec.Code, rec.Body)
	}
	var tok struct {
		BankAccount struct{ Fingerprint string } `json:"bank_account"`
	}
	if err := json.Unmarshal(rec.Body.Bytes(), &tok); err != nil {
		t.Fatal(err)
	}
	if tok.BankAccount.Fingerprint == "" {
		t.Fatalf("no fingerprint in %s", rec.Body)
	}
	return tok.BankAccount.Fingerprint
}

// A fingerprint is keyed by a secret of the state dir: the same account
// gives the same fingerprint to every emulator on one dir (and after a
// restart), but another dir, or memory, gives another one, so a
// fingerprint read from the state cannot be matched against a list of
// hashed account numbers by someone without the key.
func TestBankFingerprintKeyedPerStateDir(t *testing.T) {
	const account = "000123456789"
	dirA, dirB := t.TempDir(), t.TempDir()
	open := func(dir string) *Emulator {
		e, err := New(Options{Dir: dir, Now: clock})
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { e.Close() })
		return e
	}
	a1 := bankFingerprint(t, open(dirA), account)
	a2 := bankFingerprint(t, open(dirA), account)
	b := bankFingerprint(t, open(dirB), account)
	mem1 := bankFingerprint(t, open(""), account)
	mem2 := bankFingerprint(t, open(""), account)
	if a1 != a2 {
		t.Errorf("one state dir, two fingerprints: %s %s", a1, a2)
	}
	if a1 == b || a1 == mem1 || mem1 == mem2 {
		t.Errorf("fingerprints are not keyed: dir A %s, dir B %s, memory %s and %s", a1, b, mem1, mem2)
	}
	if other := bankFingerprint(t, open(dirA), "000111111116"); other == a1 {
		t.Errorf("two accounts, one fingerprint %s", other)
	}
	fi, err := os.Lstat(filepath.Join(dirA, keyName))
	if err != nil {
		t.Fatal(err)
	}
	if fi.Mode().Perm() != 0o600 || fi.Size() != keySize {
		t.Errorf("key file mode %v size %d, want 0600 and %d bytes", fi.Mode().Perm(), fi.Size(), keySize)
	}
}

// A damaged key file is an error naming it, not a silent new key (which
// would change every fingerprint) nor a panic.
func TestDamagedKeyFileNamed(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, keyName)
	if err := os.WriteFile(path, []byte("short"), 0o600); err != nil {
		t.Fatal(err)
	}
	e, err := New(Options{Dir: dir, Now: clock})
	if err != nil {
		t.Fatal(err)
	}
	defer e.Close()
	rec := do(t, e, "POST", "/v1/tokens", testKey, "bank_account[country]=US&bank_account[currency]=usd&bank_account[routing_number]=110000000&bank_account[account_number]=000123456789", nil)
	if rec.Code != 500 || !json.Valid(rec.Body.Bytes()) {
		t.Fatalf("status %d %s", rec.Code, rec.Body)
	}
	if msg := errorBody(t, rec).Message; !strings.Contains(msg, path) {
		t.Errorf("error %q does not name %s", msg, path)
	}
}

// A key file that is a symbolic link is refused, not followed.
func TestKeyFileLinkRefused(t *testing.T) {
	dir := t.TempDir()
	target := filepath.Join(t.TempDir(), "elsewhere")
	if err := os.Symlink(target, filepath.Join(dir, keyName)); err != nil {
		t.Fatal(err)
	}
	e, err := New(Options{Dir: dir, Now: clock})
	if err != nil {
		t.Fatal(err)
	}
	defer e.Close()
	rec := do(t, e, "POST", "/v1/tokens", testKey, "bank_account[country]=US&bank_account[currency]=usd&bank_account[routing_number]=110000000&bank_account[account_number]=000123456789", nil)
	if rec.Code == 200 {
		t.Fatalf("token made through a linked key file: %s", rec.Body)
	}
	if _, err := os.Lstat(target); err == nil {
		t.Errorf("the link's target %s was created", target)
	}
}
