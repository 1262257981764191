package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/tokenscope/tokenscope/emulator"
)

// A card number typed into a free-text flag is refused locally (exit 2)
// and never reaches a file.
func TestCardNumberInFreeTextRefused(t *testing.T) {
	s := newSandbox(t)
	s.create("card", "visa") // so the state dir has files to search
	for _, c := range []struct {
		param string
		args  []string
	}{
		{"card[name]", []string{"create", "card", "--preset", "visa", "--name", "4000056655665556"}},
		{"card[name]", []string{"create", "card", "--preset", "visa", "--name", "Jenny 4000 0566 5566 5556"}},
		{"card[address_zip]", []string{"create", "card", "--preset", "visa", "--zip", "4000056655665556"}},
		{"bank_account[account_holder_name]", []string{"create", "bank", "--preset", "bank_ok", "--holder", "4000056655665556"}},
		{"account[individual][first_name]", []string{"create", "account", "--business-type", "individual", "--first-name", "4000056655665556"}},
		{"account[individual][last_name]", []string{"create", "account", "--business-type", "individual", "--last-name", "4000 0566 5566 5556"}},
	} {
		r := s.expect(2, c.args...)
		for _, want := range []string{"parameter_invalid_string", c.param, "5556", "refused locally", "why"} {
			if !strings.Contains(r.errOut, want) {
				t.Errorf("%v: stderr lacks %q:\n%s", c.args, want, r.errOut)
			}
		}
		if strings.Contains(r.all(), "0566") {
			t.Errorf("%v: the number is echoed:\n%s", c.args, r.all())
		}
	}
	s.assertNotInStateDir("4000056655665556", "4000 0566")
}

// get, use and refresh send only token ids; anything else is refused
// locally, shown as typed unless it is a number.
func TestBadIDsRefusedLocally(t *testing.T) {
	s := newSandbox(t)
	for _, args := range [][]string{
		{"get", "4242424242424242"},
		{"use", "4000000000009995", "--charge", "100"},
		{"use", "4000000000009995", "--customer"},
		{"refresh", "4242424242424242"},
		{"get", "../../etc/passwd"},
	} {
		r := s.expect(2, args...)
		if !strings.Contains(r.errOut, "refused locally") || strings.Contains(r.all(), "4242424242424242") || strings.Contains(r.all(), "4000000000009995") {
			t.Errorf("%v:\n%s", args, r.all())
		}
	}
	if files, _ := emulator.Files(s.dir); len(files) != 0 {
		t.Errorf("something reached the emulator: %v", files)
	}
	r := s.expect(2, "get", "tok visa")
	if !strings.Contains(r.errOut, "'tok visa'") || strings.Contains(r.errOut, "tok+visa") {
		t.Errorf("the id is not shown as typed:\n%s", r.errOut)
	}
}

// A state.json that cannot be read stops a create before it is sent.
func TestCorruptStateSendsNothing(t *testing.T) {
	s := newSandbox(t)
	s.create("card", "visa")
	emu := emulatorFiles(t, s.dir)
	before := emu()
	if err := os.Truncate(filepath.Join(s.dir, "state.json"), 10); err != nil {
		t.Fatal(err)
	}
	r := s.expect(1, "create", "card", "--preset", "visa")
	if !strings.Contains(r.errOut, "cannot read state") {
		t.Errorf("stderr:\n%s", r.errOut)
	}
	if after := emu(); after != before {
		t.Error("the emulator made a token the state could not record")
	}
}

// emulatorFiles returns a func reading the offline emulator's files in dir
// as they are when it is called.
func emulatorFiles(t *testing.T, dir string) func() string {
	return func() string {
		files, err := emulator.Files(dir)
		if err != nil {
			t.Fatal(err)
		}
		var all strings.Builder
		for _, f := range files {
			data, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			all.WriteString(f + "\n" + string(data))
		}
		return all.String()
	}
}
