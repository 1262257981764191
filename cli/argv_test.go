package cli

import (
	"bytes"
	"context"
	"strings"
	"testing"

	"github.com/tokenscope/tokenscope/model"
)

// Whatever is typed, a key on the command line is refused and never
// echoed, and a card, account or id number is never echoed whole, not even
// by cobra's own "invalid argument" and "unknown command" messages. The
// command lines chosen here fail before any request is sent.
func FuzzCommandLineNeverEchoesSecrets(f *testing.F) {
	for _, seed := range []string{
		"sk_test_123456789", "rk_" + "live_abcdefgh", " pk_test_xyz", "--name=sk_test_12345678",
		"4242424242424242", "4000 0000 0000 9995", "4111-1111-1111-1111", "000123456789", "111111111",
		"12345678", "123", "tok_visa", "card", "-", "",
	} {
		f.Add(seed)
	}
	// "create account" does build one; keep it off the real home.
	dir := f.TempDir()
	getenv := func(k string) string {
		if k == "TOKENSCOPE_STATE_DIR" {
			return dir
		}
		return ""
	}
	f.Fuzz(func(t *testing.T, arg string) {
		keyLike := refuseKeysInArgs([]string{arg}) != nil
		number := len(numbersIn([]string{arg})) > 0
		for _, args := range [][]string{
			{"use", "tok_x", "--charge", arg, "--customer"},
			{"create", arg},
		} {
			var out, errOut bytes.Buffer
			code := Main(context.Background(), args, strings.NewReader(""), &out, &errOut, getenv)
			all := out.String() + errOut.String()
			if keyLike && code != 2 {
				t.Fatalf("%q: exit %d for a key on the command line", args, code)
			}
			if keyLike && len(arg) >= 8 && strings.Contains(all, strings.TrimSpace(arg)) {
				t.Fatalf("%q: the key is echoed:\n%s", args, all)
			}
			if number && (strings.Contains(all, arg) || strings.Contains(all, model.Digits(arg))) {
				t.Fatalf("%q: the number is echoed:\n%s", args, all)
			}
		}
	})
}

func TestNumbersIn(t *testing.T) {
	got := numbersIn([]string{"--number", "4242 4242 4242 4242", "--cvc=123", "--account=000123456789", "--charge", "99999999", "tok_123456789"})
	want := []string{"4242 4242 4242 4242", "000123456789"}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("numbersIn = %q, want %q", got, want)
	}
}

// A routing number is public: it is shown in full, as state show does.
func TestNumbersInLeavesRoutingNumbers(t *testing.T) {
	got := numbersIn([]string{"bank", "--routing", "110000000", "--account", "000123456789", "--routing=110000000"})
	if want := []string{"000123456789"}; strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("numbersIn = %q, want %q", got, want)
	}
}

func TestRedactMasksEveryForm(t *testing.T) {
	var b bytes.Buffer
	w := newOutput(&b, []string{"4242 4242 4242 4242"}, nil)
	if _, err := w.Write([]byte("a 4242 4242 4242 4242 b 4242424242424242 c")); err != nil {
		t.Fatal(err)
	}
	if got := b.String(); got != "a ••••4242 b ••••4242 c" {
		t.Errorf("redact = %q", got)
	}
}
