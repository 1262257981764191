package emulator

import (
	"context"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// storeContract is what every Store must do; each implementation runs it.
func storeContract(t *testing.T, open func(t *testing.T) Store) {
	ctx := context.Background()
	get := func(t *testing.T, s Store, coll, id string) (string, bool) {
		t.Helper()
		var out string
		var found bool
		err := s.View(ctx, func(r Reader) error {
			obj, ok, err := r.Get(coll, id)
			out, found = string(obj), ok
			return err
		})
		if err != nil {
			t.Fatal(err)
		}
		return out, found
	}

	t.Run("put then get", func(t *testing.T) {
		s := open(t)
		if _, ok := get(t, s, tokensColl, "tok_1"); ok {
			t.Fatal("an empty store has tok_1")
		}
		err := s.Update(ctx, func(tx Tx) error {
			if err := tx.Put(tokensColl, "tok_1", json.RawMessage(`{"id":"tok_1"}`)); err != nil {
				return err
			}
			obj, ok, err := tx.Get(tokensColl, "tok_1")
			if err != nil || !ok || string(obj) != `{"id":"tok_1"}` {
				t.Errorf("the transaction does not see its own put: %s %v %v", obj, ok, err)
			}
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
		if obj, ok := get(t, s, tokensColl, "tok_1"); !ok || obj != `{"id":"tok_1"}` {
			t.Errorf("after the update: %q %v", obj, ok)
		}
		if _, ok := get(t, s, customersColl, "tok_1"); ok {
			t.Error("collections are not apart")
		}
	})

	t.Run("a failed update lands nothing", func(t *testing.T) {
		s := open(t)
		boom := errors.New("boom")
		err := s.Update(ctx, func(tx Tx) error {
			tx.Put(tokensColl, "tok_1", json.RawMessage(`{}`))
			tx.PutIdempotency("k", &IdempotencyRecord{Status: 200, Body: json.RawMessage(`{}`)})
			return boom
		})
		if !errors.Is(err, boom) {
			t.Fatalf("Update = %v, want fn's error", err)
		}
		if _, ok := get(t, s, tokensColl, "tok_1"); ok {
			t.Error("the failed update's put was kept")
		}
		s.View(ctx, func(r Reader) error {
			if _, ok, _ := r.Idempotency("k"); ok {
				t.Error("the failed update's idempotency record was kept")
			}
			return nil
		})
	})

	t.Run("scan pages in creation order", func(t *testing.T) {
		s := open(t)
		for _, id := range []string{"cus_b", "cus_a", "cus_c"} {
			if err := s.Update(ctx, func(tx Tx) error { return tx.Put(customersColl, id, json.RawMessage(`{}`)) }); err != nil {
				t.Fatal(err)
			}
		}
		// A replacement keeps its place.
		s.Update(ctx, func(tx Tx) error { return tx.Put(customersColl, "cus_b", json.RawMessage(`{"v":2}`)) })
		check := func(t *testing.T, r Reader, from string, ascending bool, limit int, want string) {
			t.Helper()
			var got []string
			err := r.Scan(customersColl, from, ascending, func(id string, obj json.RawMessage) bool {
				if id == "cus_b" {
					id += string(obj)
				}
				got = append(got, id)
				return len(got) < limit
			})
			if err != nil || strings.Join(got, " ") != want {
				t.Errorf("Scan(%q, ascending %v, limit %d) = %q %v, want %q", from, ascending, limit, strings.Join(got, " "), err, want)
			}
		}
		s.View(ctx, func(r Reader) error {
			check(t, r, "", false, 10, `cus_c cus_a cus_b{"v":2}`)
			check(t, r, "", false, 2, "cus_c cus_a")
			check(t, r, "cus_a", false, 10, `cus_b{"v":2}`)
			check(t, r, "", true, 10, `cus_b{"v":2} cus_a cus_c`)
			check(t, r, "cus_a", true, 10, "cus_c")
			check(t, r, "cus_zzz", false, 10, "")
			check(t, r, "", false, 10, `cus_c cus_a cus_b{"v":2}`)
			if err := r.Scan(tokensColl, "", false, func(string, json.RawMessage) bool { t.Error("tokens are customers"); return true }); err != nil {
				t.Error(err)
			}
			return nil
		})
		// A transaction scans its own writes: new objects are the newest.
		s.Update(ctx, func(tx Tx) error {
			tx.Put(customersColl, "cus_d", json.RawMessage(`{}`))
			tx.Put(customersColl, "cus_e", json.RawMessage(`{}`))
			tx.Put(customersColl, "cus_b", json.RawMessage(`{"v":3}`))
			check(t, tx, "", false, 10, `cus_e cus_d cus_c cus_a cus_b{"v":3}`)
			check(t, tx, "cus_e", false, 2, "cus_d cus_c")
			check(t, tx, "cus_d", false, 10, `cus_c cus_a cus_b{"v":3}`)
			check(t, tx, "cus_a", false, 10, `cus_b{"v":3}`)
			check(t, tx, "", true, 10, `cus_b{"v":3} cus_a cus_c cus_d cus_e`)
			check(t, tx, "cus_a", true, 10, "cus_c cus_d cus_e")
			check(t, tx, "cus_d", true, 10, "cus_e")
			check(t, tx, "cus_e", true, 10, "")
			check(t, tx, "cus_zzz", true, 10, "")
			return errors.New("rolled back")
		})
		s.View(ctx, func(r Reader) error {
			check(t, r, "", false, 10, `cus_c cus_a cus_b{"v":2}`)
			return nil
		})
	})

	t.Run("idempotency records expire", func(t *testing.T) {
		s := open(t)
		now := time.Unix(1_700_000_000, 0)
		s.Update(ctx, func(tx Tx) error {
			tx.PutIdempotency("old", &IdempotencyRecord{Status: 200, Body: json.RawMessage(`{}`), Created: now.Add(-time.Hour).Unix()})
			return tx.PutIdempotency("new", &IdempotencyRecord{Status: 200, Body: json.RawMessage(`{}`), Created: now.Unix()})
		})
		s.Update(ctx, func(tx Tx) error {
			tx.PruneIdempotency(now.Add(-time.Minute))
			if _, ok, _ := tx.Idempotency("old"); ok {
				t.Error("a pruned record is still seen in its transaction")
			}
			return nil
		})
		s.View(ctx, func(r Reader) error {
			if _, ok, _ := r.Idempotency("old"); ok {
				t.Error("the old record was kept")
			}
			if rec, ok, _ := r.Idempotency("new"); !ok || rec.Status != 200 {
				t.Errorf("the new record: %+v %v", rec, ok)
			}
			return nil
		})
	})
}

func TestMemoryStore(t *testing.T) {
	storeContract(t, func(*testing.T) Store { return NewMemoryStore() })
}

func TestLogStore(t *testing.T) {
	storeContract(t, func(t *testing.T) Store {
		s, err := OpenLogStore(t.TempDir(), LogOptions{})
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { s.Close() })
		return s
	})
}

// A log store writes only what changed: an update that puts nothing, or
// fails, appends nothing.
func TestLogStoreWritesOnlyChanges(t *testing.T) {
	dir := t.TempDir()
	s, _ := OpenLogStore(dir, LogOptions{})
	defer s.Close()
	s.Update(ctx, func(tx Tx) error { return tx.Put(tokensColl, "tok_1", json.RawMessage(`{}`)) })
	before := len(fileBytes(t, dir))
	s.Update(ctx, func(tx Tx) error { return nil })
	s.Update(ctx, func(tx Tx) error {
		tx.Put(tokensColl, "tok_2", json.RawMessage(`{}`))
		return errors.New("boom")
	})
	if after := len(fileBytes(t, dir)); after != before {
		t.Errorf("the log's records grew from %d to %d bytes", before, after)
	}
}

// The log store takes over the emulator.json that tokenscope wrote before
// it: a user's objects survive the upgrade, the old file is kept aside,
// and later starts read the log store only.
func TestLogStoreMigratesTheVersion1File(t *testing.T) {
	dir := t.TempDir()
	old := `{"version":1,"tokens":{"tok_1PgcOld0000000000000000":{"id":"tok_1PgcOld0000000000000000","type":"pii","used":false,"created":1773500966,"client_ip":"127.0.0.1"}},"customers":{},"charges":{},"idempotency":{"k":{"hash":"h","status":200,"body":{"id":"tok_1PgcOld0000000000000000"},"request_id":"req_1","created":1773500966}}}`
	if err := os.WriteFile(filepath.Join(dir, FileName), []byte(old), 0o600); err != nil {
		t.Fatal(err)
	}
	for start := range 2 {
		e, err := New(Options{Dir: dir, Now: clock})
		if err != nil {
			t.Fatal(err)
		}
		if rec := do(t, e, "GET", "/v1/tokens/tok_1PgcOld0000000000000000", testKey, "", nil); rec.Code != 200 {
			t.Fatalf("start %d: GET: %d %s", start, rec.Code, rec.Body)
		}
		err = e.store.View(ctx, func(r Reader) error {
			if rec, ok, _ := r.Idempotency("k"); !ok || rec.RequestID != "req_1" || string(rec.Body) != `{"id":"tok_1PgcOld0000000000000000"}` {
				t.Errorf("start %d: idempotency record: %+v %v", start, rec, ok)
			}
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
		if start == 0 {
			do(t, e, "POST", "/v1/customers", testKey, "description=after", nil)
		} else if stored(e, customersColl) != 1 {
			t.Errorf("the customer created after the move is gone")
		}
		e.Close()
		if _, err := os.Stat(filepath.Join(dir, FileName)); !errors.Is(err, os.ErrNotExist) {
			t.Errorf("emulator.json is still there: %v", err)
		}
		if kept, err := os.ReadFile(filepath.Join(dir, FileName+migratedSuffix)); string(kept) != old {
			t.Errorf("the old file was not kept aside: %v", err)
		}
	}
}

// failingStore cannot be read or written, as a store whose disk or
// database is gone.
type failingStore struct{ err error }

func (s failingStore) View(context.Context, func(Reader) error) error { return s.err }
func (s failingStore) Update(context.Context, func(Tx) error) error   { return s.err }
func (s failingStore) Close() error                                   { return nil }

// A store that fails is Stripe's api_error, 500, whatever the request.
func TestStoreFailureIsAnAPIError(t *testing.T) {
	e, err := New(Options{Store: failingStore{errors.New("disk gone")}, Now: clock})
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range []struct{ method, path, body string }{
		{"GET", "/v1/tokens/tok_visa", ""},
		{"POST", "/v1/tokens", "pii[id_number]=000000000"},
	} {
		rec := do(t, e, r.method, r.path, testKey, r.body, nil)
		if got := errorBody(t, rec); rec.Code != 500 || got.Type != "api_error" || got.Message != "disk gone" {
			t.Errorf("%s %s: %d %+v", r.method, r.path, rec.Code, got)
		}
	}
}
