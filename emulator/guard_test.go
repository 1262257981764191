package emulator

import (
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/tokenscope/tokenscope/model"
)

// A request whose stored fields hold a card number is refused with a 400
// and nothing lands in the log: the same guard as state.json, as a
// second line behind model.Validate (which only sees token requests).
func TestSecretsNeverPersisted(t *testing.T) {
	dir := t.TempDir()
	e, err := New(Options{Dir: dir, Now: clock})
	if err != nil {
		t.Fatal(err)
	}
	ok := do(t, e, "POST", "/v1/customers", testKey, "description=Jenny", nil)
	if ok.Code != 200 {
		t.Fatalf("a plain customer: %d %s", ok.Code, ok.Body)
	}
	before, err := os.ReadFile(filepath.Join(dir, logName(1)))
	if err != nil {
		t.Fatal(err)
	}
	for name, body := range map[string]string{
		"customer description": "description=" + url.QueryEscape("Jenny 4000 0566 5566 5556"),
		"customer email":       "email=4000056655665556@example.com",
		"card name":            "card[number]=4242424242424242&card[exp_month]=12&card[exp_year]=2031&card[name]=4000056655665556",
	} {
		for _, idem := range []string{"", "key-" + strings.ReplaceAll(name, " ", "-")} {
			rec := do(t, e, "POST", pathFor(name), testKey, body, map[string]string{"Idempotency-Key": idem})
			if rec.Code != 400 {
				t.Errorf("%s: status %d %s", name, rec.Code, rec.Body)
				continue
			}
			got := errorBody(t, rec)
			if got.Type != model.TypeInvalidRequest || strings.Contains(rec.Body.String(), "4000056655665556") || !strings.Contains(got.Message, "5556") {
				t.Errorf("%s: %s", name, rec.Body)
			}
		}
	}
	after, _ := os.ReadFile(filepath.Join(dir, logName(1)))
	if string(after) != string(before) {
		t.Errorf("the log changed:\n%s", after)
	}
	if fresh, _ := New(Options{Dir: dir}); fresh == nil || stored(fresh, customersColl) != 1 {
		t.Errorf("the refused customers were kept")
	}
}

func pathFor(name string) string {
	if strings.HasPrefix(name, "card") {
		return "/v1/tokens"
	}
	return "/v1/customers"
}

// The emulator writes nothing at startup or on a GET: its dir is made by
// the first write (an existing one is never chmodded), so reading commands
// work in a state dir the user cannot write.
func TestStartupTouchesNothing(t *testing.T) {
	missing := filepath.Join(t.TempDir(), "state")
	if _, err := New(Options{Dir: missing}); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(missing); !os.IsNotExist(err) {
		t.Fatalf("New made the dir: %v", err)
	}

	dir := t.TempDir()
	seed, _ := New(Options{Dir: dir, Now: clock})
	tok := do(t, seed, "POST", "/v1/tokens", testKey, "pii[id_number]=000000000", nil)
	id := strings.Split(tok.Body.String(), `"`)[3]
	os.Chmod(dir, 0o755)
	e, err := New(Options{Dir: dir, Now: clock})
	if err != nil {
		t.Fatal(err)
	}
	if rec := do(t, e, "GET", "/v1/tokens/"+id, testKey, "", nil); rec.Code != 200 {
		t.Fatalf("GET: %d %s", rec.Code, rec.Body)
	}
	if fi, _ := os.Stat(dir); fi.Mode().Perm() != 0o755 {
		t.Errorf("startup and a GET changed the dir to %v", fi.Mode().Perm())
	}
	do(t, e, "POST", "/v1/tokens", testKey, "pii[id_number]=000000000", nil)
	if fi, _ := os.Stat(dir); fi.Mode().Perm() != 0o755 {
		t.Errorf("a write changed the dir to %v: a dir tokenscope did not make is never chmodded", fi.Mode().Perm())
	}
}

// The guard is the emulator's, not a store's: an emulator in memory
// refuses the same requests.
func TestSecretsNeverStoredInMemory(t *testing.T) {
	e, _ := New(Options{Now: clock})
	rec := do(t, e, "POST", "/v1/customers", testKey, "description="+url.QueryEscape("Jenny 4000 0566 5566 5556"), nil)
	if rec.Code != 400 || stored(e, customersColl) != 0 {
		t.Errorf("%d %s, %d customers stored", rec.Code, rec.Body, stored(e, customersColl))
	}
}
