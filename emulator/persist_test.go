package emulator

import (
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/tokenscope/tokenscope/internal/fsutil"
	"github.com/tokenscope/tokenscope/model"
)

func TestPersistenceShared(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "state")
	a, srvA := newServer(t, dir)
	b, srvB := newServer(t, dir)
	ca, cb := newClient(srvA.URL, testKey), newClient(srvB.URL, testKey)
	t.Cleanup(func() { checkNoSecrets(t, dir) })

	tok, err := ca.V1Tokens.Create(ctx, cardParams(t, "4242424242424242"))
	if err != nil {
		t.Fatal(err)
	}
	got, err := cb.V1Tokens.Retrieve(ctx, tok.ID, nil)
	if err != nil || got.Card.Last4 != "4242" || got.Card.Fingerprint != tok.Card.Fingerprint {
		t.Fatalf("B cannot read A's token: %+v %v", got, err)
	}
	ch, err := cb.V1Charges.Create(ctx, chargeWith(tok.ID))
	if err != nil {
		t.Fatal(err)
	}
	if got, _ := ca.V1Tokens.Retrieve(ctx, tok.ID, nil); got == nil || !got.Used {
		t.Errorf("A does not see B's use")
	}
	if got, err := ca.V1Charges.Retrieve(ctx, ch.ID, nil); err != nil || got.Status != "succeeded" {
		t.Errorf("A cannot read B's charge: %v", err)
	}

	// A GET reads only what another process appended, and nothing when
	// nothing was.
	la := a.store.(*logStore)
	state := func() (*memState, uint64) {
		la.mu.RLock()
		defer la.mu.RUnlock()
		return la.st, la.seq
	}
	st0, seq0 := state()
	ca.V1Tokens.Retrieve(ctx, tok.ID, nil)
	if st, seq := state(); st != st0 || seq != seq0 {
		t.Errorf("an unchanged log was read again")
	}
	cb.V1Tokens.Create(ctx, bankParams("000123456789"))
	ca.V1Tokens.Retrieve(ctx, tok.ID, nil)
	if st, seq := state(); st != st0 || seq == seq0 {
		t.Errorf("the other process's record was not read, or the files were read afresh")
	}

	// Everything else a session writes, for the secrets scan.
	pii := do(t, b, "POST", "/v1/tokens", testKey, "pii[id_number]=000000000", map[string]string{"Idempotency-Key": "pii"})
	if pii.Code != 200 {
		t.Fatal(pii.Body)
	}
	replay := do(t, a, "POST", "/v1/tokens", testKey, "pii[id_number]=000000000", map[string]string{"Idempotency-Key": "pii"})
	if replay.Body.String() != pii.Body.String() || replay.Header().Get("Idempotent-Replayed") != "true" {
		t.Errorf("the idempotency key did not cross processes: %s", replay.Body)
	}
	for _, p := range model.Cards {
		body := fmt.Sprintf("card[number]=%s&card[exp_month]=12&card[exp_year]=2031&card[cvc]=123&card[address_zip]=94107", p.Number)
		rec := do(t, a, "POST", "/v1/tokens", testKey, body, map[string]string{"Idempotency-Key": "card-" + p.Name})
		var id string
		if rec.Code == 200 {
			id = strings.Split(rec.Body.String(), `"`)[3]
			do(t, b, "POST", "/v1/customers", testKey, "source="+id, nil)
		}
	}
	for _, bank := range model.Banks {
		do(t, b, "POST", "/v1/tokens", testKey, "bank_account[country]=US&bank_account[currency]=usd&bank_account[routing_number]=110000000&bank_account[account_number]="+bank.AccountNumber, nil)
	}
	for _, p := range model.IDNumbers {
		do(t, a, "POST", "/v1/tokens", testKey, "pii[id_number]="+p.IDNumber, nil)
	}
}

// TestConcurrentCreates: two emulators on one Dir, 50 creates each at once;
// every token lands in the file and both can read all of them.
func TestConcurrentCreates(t *testing.T) {
	dir := t.TempDir()
	a, _ := New(Options{Dir: dir, Now: clock})
	b, _ := New(Options{Dir: dir, Now: clock})
	t.Cleanup(func() { checkNoSecrets(t, dir) })
	var (
		wg  sync.WaitGroup
		mu  sync.Mutex
		ids []string
	)
	for i := range 100 {
		e := a
		if i%2 == 1 {
			e = b
		}
		wg.Go(func() {
			rec := do(t, e, "POST", "/v1/tokens", testKey, "card[number]=4242424242424242&card[exp_month]=12&card[exp_year]=2031&card[cvc]=123", nil)
			if rec.Code != 200 {
				t.Errorf("create: %d %s", rec.Code, rec.Body)
				return
			}
			mu.Lock()
			ids = append(ids, strings.Split(rec.Body.String(), `"`)[3])
			mu.Unlock()
		})
	}
	wg.Wait()
	if len(ids) != 100 {
		t.Fatalf("%d creates succeeded", len(ids))
	}
	for _, id := range ids {
		for _, e := range []*Emulator{a, b} {
			if rec := do(t, e, "GET", "/v1/tokens/"+id, testKey, "", nil); rec.Code != 200 {
				t.Errorf("%s lost: %d", id, rec.Code)
			}
		}
	}
	fresh, err := New(Options{Dir: dir})
	if err != nil || stored(fresh, tokensColl) != 100 {
		t.Errorf("the file holds %d tokens, want 100 (%v)", stored(fresh, tokensColl), err)
	}
}

func TestCorruptFile(t *testing.T) {
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, FileName), []byte("{not json"), fsutil.FileMode); err != nil {
		t.Fatal(err)
	}
	if _, err := New(Options{Dir: dir}); err == nil || !strings.Contains(err.Error(), FileName) {
		t.Errorf("New on a corrupt file: %v", err)
	}
}

// checkNoSecrets: no file under dir holds a test card number, the CVC, an id
// number or a bank account number, and every file is private.
func checkNoSecrets(t testing.TB, dir string) {
	t.Helper()
	secrets := []string{`"123"`, `"cvc":`, `"number":`, `"id_number":`, `"account_number":`}
	for _, c := range model.Cards {
		secrets = append(secrets, c.Number)
	}
	for _, b := range model.Banks {
		secrets = append(secrets, b.AccountNumber)
	}
	for _, p := range model.IDNumbers {
		secrets = append(secrets, p.IDNumber)
	}
	files := 0
	err := filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		info, err := d.Info()
		if err != nil {
			return err
		}
		if d.IsDir() {
			if info.Mode().Perm() != fsutil.DirMode && path != dir {
				t.Errorf("%s: mode %v", path, info.Mode().Perm())
			}
			return nil
		}
		files++
		if info.Mode().Perm() != fsutil.FileMode {
			t.Errorf("%s: mode %v, want %v", path, info.Mode().Perm(), fsutil.FileMode)
		}
		data, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		for _, s := range secrets {
			if strings.Contains(string(data), s) {
				t.Errorf("%s holds %q", path, s)
			}
		}
		return nil
	})
	if err != nil || files == 0 {
		t.Errorf("walk %s: %d files, %v", dir, files, err)
	}
}

// TestCheckNoSecretsFails: the scan catches a card number and loose modes.
func TestCheckNoSecretsFails(t *testing.T) {
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "leak"), []byte(`{"last4":"4242","x":"4242424242424242"}`), fsutil.FileMode); err != nil {
		t.Fatal(err)
	}
	ft := &fakeT{}
	checkNoSecrets(ft, dir)
	if !ft.failed {
		t.Error("a card number went unnoticed")
	}
	if err := os.WriteFile(filepath.Join(dir, "leak"), []byte(`{}`), 0o644); err != nil {
		t.Fatal(err)
	}
	os.Chmod(filepath.Join(dir, "leak"), 0o644)
	ft = &fakeT{}
	checkNoSecrets(ft, dir)
	if !ft.failed {
		t.Error("mode 0644 went unnoticed")
	}
}
