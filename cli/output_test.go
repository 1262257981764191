package cli

import (
	"bytes"
	"context"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"strings"
	"testing"
	"unicode"

	"github.com/tokenscope/tokenscope/internal/fsutil"
	"github.com/tokenscope/tokenscope/model"
)

// controls reports the control characters in s other than newline and tab.
func controls(s string) bool {
	return strings.ContainsFunc(s, func(r rune) bool { return unicode.IsControl(r) && r != '\n' && r != '\t' })
}

// A name holding ESC, OSC 52 (set the clipboard) and C1 CSI reaches no
// terminal: every headless line drops control characters, as the TUI does.
func TestHumanOutputDropsControlCharacters(t *testing.T) {
	s := newSandbox(t)
	name := "Jenny\x1b]52;c;aGk=\a\x1b[31mRosen\u009b2J\x7f"
	r := s.ok("create", "card", "--preset", "visa", "--name", name)
	id := strings.Fields(r.out)[1]
	for _, args := range [][]string{{"state", "show", id}, {"list"}, {"get", id}, {"refresh"}} {
		if r := s.ok(args...); controls(r.all()) {
			t.Errorf("%v prints control characters:\n%q", args, r.all())
		}
	}
	if out := s.ok("state", "show", id).out; !strings.Contains(out, "Jenny]52;c;aGk=[31mRosen2J") {
		t.Errorf("the name's printable characters should stay:\n%s", out)
	}
	// JSON keeps what the API returned, escaped: stdout is still the one
	// document, and no terminal acts on it.
	for _, args := range [][]string{{"get", id, "--json"}, {"state", "pull"}} {
		out := s.ok(args...).out
		if controls(out) || !json.Valid([]byte(out)) {
			t.Errorf("%v: %q", args, out)
		}
		if !strings.Contains(out, `\u001b]52`) || !strings.Contains(out, `\u009b`) {
			t.Errorf("%v lost the escapes: %s", args, out)
		}
	}
}

// A server's answer is the server's: a type holding escapes is printed
// cleaned by create, get and list.
func TestServerSuppliedTypeIsCleaned(t *testing.T) {
	const tok = `{"id":"tok_esc","object":"token","type":"card\u001b]52;c;aGk=\u0007\u001b[2J","livemode":false,"used":false,"created":1700000000,"card":{"id":"card_x","brand":"Visa","last4":"4242"}}`
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Request-Id", "req_esc")
		_, _ = w.Write([]byte(tok))
	}))
	defer srv.Close()
	s := newSandbox(t)
	for _, args := range [][]string{
		{"--api-base", srv.URL, "create", "card", "--preset", "visa"},
		{"--api-base", srv.URL, "get", "tok_esc"},
		{"--api-base", srv.URL, "list"},
	} {
		r := s.ok(args...)
		if controls(r.all()) {
			t.Errorf("%v prints control characters:\n%q", args, r.all())
		}
	}
}

// Numbers in places no number belongs (a duration, a count, a file or pack
// name) are masked in every message that echoes them, cobra's included.
func TestFlagAndNameErrorsMaskCardNumbers(t *testing.T) {
	s := newSandbox(t)
	for _, args := range [][]string{
		{"--lock-timeout", "4000.0566.5566.5556", "list"},
		{"--lock-timeout=4000_0566_5566_5556", "list"},
		{"--max-tokens", "4000.0566.5566.5556", "list"},
		{"list", "--max-tokens=x4000-0566-5566-5556"},
		{"plan", "4000.0566.5566.5556.hcl"},
		{"plan", "pack:4000_0566_5566_5556"},
		{"plan", "--json", "pack:4000 0566 5566 5556"},
		{"get", "tok_4000.0566.5566.5556"},
	} {
		r := s.run(args...)
		if r.code == 0 || strings.Contains(r.all(), "0566") {
			t.Errorf("%v: exit %d\n%s", args, r.code, r.all())
		}
		if !strings.Contains(r.all(), "5556") {
			t.Errorf("%v: the message should name the last 4:\n%s", args, r.all())
		}
	}
}

// The help's examples and the presets catalog are Stripe's published test
// data, printed whole.
func TestStaticTextIsNotMasked(t *testing.T) {
	s := newSandbox(t)
	if out := s.ok("create", "card", "--help").out; !strings.Contains(out, "--number 4242424242424242") {
		t.Errorf("help:\n%s", out)
	}
	if out := s.ok("presets").out; !strings.Contains(out, "4000056655665556") {
		t.Errorf("presets:\n%s", out)
	}
}

// FuzzEveryFlagNeverEchoesSecrets: whatever value a flag gets, tokenscope
// exits with one of its codes, prints no control character and no card
// number (model.MaskSecrets' detector finds none in its output), and a key
// is refused.
func FuzzEveryFlagNeverEchoesSecrets(f *testing.F) {
	for _, seed := range []string{"4000.0566.5566.5556", "x4000_0566_5566_5556y", "10s", "-1", "0", "\x1b]52;c;aGk=\a",
		"sk_test_abcdefgh", "9999999999999999999999", "4242424242424242", "pack:declines", "", "--help", "531928467"} {
		f.Add(seed)
	}
	dir := f.TempDir()
	getenv := func(k string) string {
		if k == "TOKENSCOPE_STATE_DIR" {
			return dir
		}
		return ""
	}
	f.Fuzz(func(t *testing.T, v string) {
		for _, args := range [][]string{
			{"--lock-timeout=" + v, "list"},
			{"--max-tokens=" + v, "list"},
			{"--api-base=" + v, "list"},
			{"create", "card", "--preset", "visa", "--dry-run", "--name=" + v},
			{"create", "card", "--preset", "visa", "--dry-run", "--zip=" + v},
			{"create", "card", "--preset", "visa", "--dry-run", "--exp=" + v},
			{"create", "card", "--dry-run", "--exp=12/34", "--number=" + v},
			{"create", "card", "--preset", "visa", "--dry-run", "--cvc=" + v},
			{"create", "bank", "--dry-run", "--routing=110000000", "--account=" + v},
			{"create", "bank", "--preset", "bank_ok", "--dry-run", "--routing=" + v},
			{"create", "bank", "--preset", "bank_ok", "--dry-run", "--holder=" + v},
			{"create", "bank", "--preset", "bank_ok", "--dry-run", "--country=" + v},
			{"create", "pii", "--dry-run", "--id-number=" + v},
			{"create", "account", "--dry-run", "--business-type=" + v},
			{"create", "account", "--dry-run", "--business-type=individual", "--first-name=" + v},
			{"use", "tok_x", "--dry-run", "--charge=" + v},
			{"use", "tok_x", "--dry-run", "--charge=100", "--currency=" + v},
			{"get", v},
			{"state", "show", v},
			{"plan", "pack:" + v},
			{"plan", "--json", "pack:" + v},
		} {
			var out, errOut bytes.Buffer
			code := Main(context.Background(), args, strings.NewReader(""), &out, &errOut, getenv)
			all := out.String() + errOut.String()
			if code < 0 || code > 3 {
				t.Fatalf("%q: exit %d", args, code)
			}
			if controls(all) {
				t.Fatalf("%q: control characters in:\n%q", args, all)
			}
			if off, last4 := model.FindCardNumber([]byte(all), model.ScanTyped); off >= 0 {
				t.Fatalf("%q: a card number ending %s is printed:\n%s", args, last4, all)
			}
			if start, _, _ := model.FindSecretKey([]byte(v), 1); start >= 0 && code != 2 {
				t.Fatalf("%q: exit %d with a key on the command line", args, code)
			}
		}
	})
}

// With --json, an error of no Stripe shape (a held state lock) is still
// one JSON document on stdout.
func TestJSONLockTimeoutPrintsOneErrorObject(t *testing.T) {
	s := newSandbox(t)
	s.create("card", "visa")
	unlock, err := fsutil.Lock(context.Background(), filepath.Join(s.dir, "state.json.lock"), 0, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer unlock()
	r := s.expect(1, "--lock-timeout", "0s", "create", "card", "--preset", "visa", "--json")
	var e struct {
		Error struct{ Type, Message string }
	}
	if err := json.Unmarshal([]byte(r.out), &e); err != nil || e.Error.Type != "tokenscope_error" || !strings.Contains(e.Error.Message, "state lock") {
		t.Errorf("stdout = %q (%v)", r.out, err)
	}
}
