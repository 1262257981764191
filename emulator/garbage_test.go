package emulator

import (
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/tokenscope/tokenscope/internal/fsutil"
)

// A null or any other non-object where emulator.json keeps an object or
// an idempotency answer stops the start with the file's name and the
// member's: it was decoded into a zero token, which panicked get, use
// and every create, or skipped without a word.
func TestJSONFileGarbageNamed(t *testing.T) {
	for name, tc := range map[string]struct{ file, member string }{
		"null token":        {`{"version":1,"tokens":{"tok_a":null}}`, "tokens: tok_a"},
		"number token":      {`{"version":1,"tokens":{"tok_a":5}}`, "tokens: tok_a"},
		"string token":      {`{"version":1,"customers":{"cus_a":"x"}}`, "customers: cus_a"},
		"null collection":   {`{"version":1,"tokens":null}`, "tokens"},
		"null idempotency":  {`{"version":1,"idempotency":{"k":null}}`, "idempotency: k"},
		"array idempotency": {`{"version":1,"idempotency":{"k":[]}}`, "idempotency: k"},
		"null answer":       {`{"version":1,"idempotency":{"k":{"hash":"h","status":200,"body":null}}}`, "idempotency: k"},
	} {
		t.Run(name, func(t *testing.T) {
			dir := t.TempDir()
			path := filepath.Join(dir, FileName)
			if err := os.WriteFile(path, []byte(tc.file), fsutil.FileMode); err != nil {
				t.Fatal(err)
			}
			e, err := New(Options{Dir: dir, Now: clock})
			if err == nil {
				e.Close()
				t.Fatalf("the emulator started on %s", tc.file)
			}
			if !strings.Contains(err.Error(), path) || !strings.Contains(err.Error(), tc.member) {
				t.Errorf("the error names neither %s nor %q: %v", path, tc.member, err)
			}
		})
	}
}

// In the log, a whole record (its CRC good) holding a null object or a
// null idempotency answer is damage: the start fails naming the file and
// the record's offset.
func TestLogGarbageObjectNamed(t *testing.T) {
	for name, bad := range map[string]op{
		"null object":  {kind: opPut, coll: tokensColl, id: "tok_b", obj: json.RawMessage(`null`)},
		"cut object":   {kind: opPut, coll: tokensColl, id: "tok_b", obj: json.RawMessage(`{"id":"tok_b"`)},
		"empty object": {kind: opPut, coll: tokensColl, id: "tok_b", obj: nil},
		"null answer":  {kind: opPutIdem, id: "k", rec: &IdempotencyRecord{Hash: "h", Status: 200, Body: json.RawMessage(`null`)}},
		"cut answer":   {kind: opPutIdem, id: "k", rec: &IdempotencyRecord{Hash: "h", Status: 200, Body: json.RawMessage(`{"error":`)}},
	} {
		t.Run(name, func(t *testing.T) {
			dir := t.TempDir()
			s := openStore(t, dir, LogOptions{})
			put(t, s, tokensColl, "tok_a", `{"n":1}`)
			s.Close()
			path := filepath.Join(dir, logName(1))
			f, _ := os.OpenFile(path, os.O_WRONLY|os.O_APPEND, 0)
			f.Write(appendTx(nil, []op{bad}))
			f.Write(appendTx(nil, []op{{kind: opPut, coll: tokensColl, id: "tok_c", obj: json.RawMessage(`{"n":3}`)}}))
			f.Close()
			_, err := New(Options{Dir: dir, Now: clock})
			if err == nil || !strings.Contains(err.Error(), path+" is damaged at byte") {
				t.Errorf("open of a log with %s: %v", name, err)
			}
		})
	}
}

// nullStore is a Store whose reads find tok_null as a null.
type nullStore struct{ Store }

type nullReader struct{ Reader }

func (r nullReader) Get(collection, id string) (json.RawMessage, bool, error) {
	if id == "tok_null" {
		return json.RawMessage(`null`), true, nil
	}
	return r.Reader.Get(collection, id)
}

type nullTx struct {
	nullReader
	Tx
}

func (t nullTx) Get(collection, id string) (json.RawMessage, bool, error) {
	return t.nullReader.Get(collection, id)
}

func (t nullTx) Idempotency(key string) (*IdempotencyRecord, bool, error) {
	return t.Tx.Idempotency(key)
}

func (t nullTx) Scan(collection, from string, ascending bool, fn func(string, json.RawMessage) bool) error {
	return t.Tx.Scan(collection, from, ascending, fn)
}

func (s nullStore) View(ctx context.Context, fn func(Reader) error) error {
	return s.Store.View(ctx, func(r Reader) error { return fn(nullReader{r}) })
}

func (s nullStore) Update(ctx context.Context, fn func(Tx) error) error {
	return s.Store.Update(ctx, func(tx Tx) error { return fn(nullTx{nullReader{tx}, tx}) })
}

// A store that hands the emulator a null (any Store, not only the log)
// gets an error naming the object, never a panic; and no store takes a
// null to keep.
func TestNullObjectFromAStore(t *testing.T) {
	e, err := New(Options{Store: nullStore{NewMemoryStore()}, Now: clock})
	if err != nil {
		t.Fatal(err)
	}
	defer e.Close()
	for _, r := range []struct{ method, path, body string }{
		{"GET", "/v1/tokens/tok_null", ""},
		{"POST", "/v1/customers", "source=tok_null"},
		{"POST", "/v1/charges", "amount=100&currency=usd&source=tok_null"},
	} {
		rec := do(t, e, r.method, r.path, testKey, r.body, nil)
		if rec.Code != 500 || !strings.Contains(rec.Body.String(), "tok_null") {
			t.Errorf("%s %s: %d %s", r.method, r.path, rec.Code, rec.Body)
		}
	}
	for name, s := range map[string]Store{"memory": NewMemoryStore(), "log": openStore(t, t.TempDir(), LogOptions{})} {
		err := s.Update(t.Context(), func(tx Tx) error { return tx.Put(tokensColl, "tok_a", json.RawMessage(`null`)) })
		if err == nil {
			t.Errorf("the %s store took a null", name)
		}
		s.Close()
	}
}
