package cli

import (
	"io/fs"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"

	"github.com/tokenscope/tokenscope/emulator"
)

// countingServer answers nothing useful; it counts what reaches it.
func countingServer(t *testing.T) (*httptest.Server, *atomic.Int64) {
	var n atomic.Int64
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		n.Add(1)
		http.Error(w, `{"error":{"type":"api_error","message":"should not be reached"}}`, http.StatusInternalServerError)
	}))
	t.Cleanup(srv.Close)
	return srv, &n
}

func TestLiveKeyRefusedBeforeAnyRequest(t *testing.T) {
	srv, hits := countingServer(t)
	s := newSandbox(t)
	keyFile := filepath.Join(t.TempDir(), "key")
	if err := os.WriteFile(keyFile, []byte("rk_"+"live_abcdefghijklmnop\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	for name, run := range map[string]func() result{
		"env": func() result {
			s.vars["STRIPE_API_KEY"] = "sk_" + "live_abcdefghijklmnop"
			defer delete(s.vars, "STRIPE_API_KEY")
			return s.run("--api-base", srv.URL, "create", "card", "--preset", "visa")
		},
		"env, get": func() result {
			s.vars["STRIPE_API_KEY"] = "sk_" + "live_abcdefghijklmnop"
			defer delete(s.vars, "STRIPE_API_KEY")
			return s.run("get", "tok_visa", "--api-base", srv.URL)
		},
		"key file": func() result {
			return s.run("--api-key-file", keyFile, "--api-base", srv.URL, "use", "tok_visa", "--charge", "100")
		},
	} {
		r := run()
		if r.code != 2 {
			t.Errorf("%s: exit %d, want 2\n%s", name, r.code, r.all())
		}
		if !strings.Contains(strings.ToLower(r.errOut), "live") {
			t.Errorf("%s: stderr does not say why:\n%s", name, r.errOut)
		}
		if strings.Contains(r.all(), "abcdefghijklmnop") {
			t.Errorf("%s: the key is echoed:\n%s", name, r.all())
		}
	}
	if hits.Load() != 0 {
		t.Errorf("%d requests reached the server", hits.Load())
	}
}

func TestKeyInArgvRefused(t *testing.T) {
	srv, hits := countingServer(t)
	s := newSandbox(t)
	for _, args := range [][]string{
		{"get", "sk_test_123456789"},
		{"--api-base=" + srv.URL, "list", "rk_test_abc"},
		{"create", "card", "--name=pk_test_xyz", "--preset", "visa"},
		{"--api-key-file", "sk_" + "live_zzz", "list"},
	} {
		r := s.expect(2, args...)
		if !strings.Contains(r.errOut, "ps") || !strings.Contains(r.errOut, "STRIPE_API_KEY") {
			t.Errorf("%v: stderr does not explain:\n%s", args, r.errOut)
		}
		for _, a := range args {
			if strings.Contains(a, "_test_") || strings.Contains(a, "_live_") {
				if strings.Contains(r.all(), a) {
					t.Errorf("%v: output echoes %q", args, a)
				}
			}
		}
	}
	if hits.Load() != 0 {
		t.Errorf("%d requests reached the server", hits.Load())
	}
	if _, err := os.Stat(s.dir); err == nil {
		t.Errorf("a refused command line created the state dir")
	}
}

func TestNonLoopbackBaseWithoutKeyRefused(t *testing.T) {
	s := newSandbox(t)
	r := s.expect(2, "--api-base", "https://stripe.example.com", "get", "tok_visa")
	if !strings.Contains(r.errOut, "STRIPE_API_KEY") {
		t.Errorf("stderr = %s", r.errOut)
	}
}

// After a session of creates and uses, against the offline emulator and
// against a keyed --api-base, the state dir holds no card number, CVC, id
// number or key, and nobody else can read it.
func TestStateDirHoldsNoSecretsAndIsPrivate(t *testing.T) {
	s := newSandbox(t)
	const (
		number = "4000000000009995"
		cvc    = "7391"
		idNum  = "111111111"
		key    = "sk_test_tokenscopeSecretKey42"
	)
	card := token(t, s.ok("create", "card", "--number", number, "--exp", "12/34", "--cvc", "739", "--json").out).ID
	amex := token(t, s.ok("create", "card", "--number", "378282246310005", "--exp", "12/34", "--cvc", cvc, "--json").out).ID
	s.ok("create", "pii", "--id-number", idNum)
	bank := s.create("bank", "bank_ok")
	s.expect(1, "use", card, "--charge", "1000")
	s.ok("use", amex, "--charge", "1000")
	s.ok("use", bank, "--customer")
	s.ok("refresh")

	// The same through a keyed base URL: the key must not land in the state.
	emu, err := emulator.New(emulator.Options{Dir: t.TempDir()})
	if err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(emu)
	defer srv.Close()
	s.vars["STRIPE_API_KEY"] = key
	visa := token(t, s.ok("--api-base", srv.URL, "create", "card", "--number", "4242424242424242", "--exp", "12/34", "--cvc", "739", "--json").out).ID
	s.ok("--api-base", srv.URL, "use", visa, "--charge", "500")
	s.ok("--api-base", srv.URL, "refresh")

	// A CVC is short enough to occur inside any id or timestamp: look for
	// it as a JSON string, the only way a store would hold it.
	s.assertNotInStateDir(number, "378282246310005", "4242424242424242", `"739"`, `"`+cvc+`"`, idNum, key, "tokenscopeSecretKey42")
	s.files(func(path string, info fs.FileInfo, _ []byte) {
		want := fs.FileMode(0o600)
		if info.IsDir() {
			want = 0o700
		}
		if got := info.Mode().Perm(); got != want {
			t.Errorf("%s: mode %04o, want %04o", path, got, want)
		}
	})
}

func TestKeyFileReadableByOthersWarns(t *testing.T) {
	srv, _ := countingServer(t)
	s := newSandbox(t)
	keyFile := filepath.Join(t.TempDir(), "key")
	if err := os.WriteFile(keyFile, []byte("sk_"+"live_nope\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Chmod(keyFile, 0o644); err != nil {
		t.Fatal(err)
	}
	r := s.expect(2, "--api-key-file", keyFile, "--api-base", srv.URL, "get", "tok_visa")
	if !strings.Contains(r.errOut, "readable by other users") {
		t.Errorf("no warning about the key file's mode:\n%s", r.errOut)
	}
}
