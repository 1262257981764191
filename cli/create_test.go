package cli

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/tokenscope/tokenscope/emulator"
	"github.com/tokenscope/tokenscope/views"
)

// The core issue's "done means": a card token from a preset, read back by a
// new process, listed from the state.
func TestCreateCardPresetThenGetInNewProcess(t *testing.T) {
	s := newSandbox(t)
	r := s.ok("create", "card", "--preset", "visa", "--json")
	tok := token(t, r.out)
	if !strings.HasPrefix(tok.ID, "tok_") || tok.Type != "card" || tok.Used || tok.Livemode {
		t.Fatalf("token = %+v, want an unused test-mode card tok_", tok)
	}
	if tok.Card == nil || tok.Card.Brand != "Visa" || tok.Card.Last4 != "4242" {
		t.Fatalf("card = %+v, want Visa 4242", tok.Card)
	}

	got := s.ok("get", tok.ID, "--json")
	var created, fetched map[string]any
	if err := json.Unmarshal([]byte(r.out), &created); err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal([]byte(got.out), &fetched); err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(created, fetched) {
		t.Errorf("get prints another token:\ncreated %s\nfetched %s", r.out, got.out)
	}

	list := s.ok("list")
	for _, want := range []string{tok.ID, "Visa •••• 4242", "○ unused", "1 token · "} {
		if !strings.Contains(list.out, want) {
			t.Errorf("list lacks %q:\n%s", want, list.out)
		}
	}
	var raws []map[string]any
	if err := json.Unmarshal([]byte(s.ok("list", "--json").out), &raws); err != nil || len(raws) != 1 || raws[0]["id"] != tok.ID {
		t.Errorf("list --json = %v (%v), want [%s]", raws, err, tok.ID)
	}
}

func TestCreateHumanOutputSaysWhatHappened(t *testing.T) {
	s := newSandbox(t)
	r := s.ok("create", "card", "--preset", "insufficient_funds")
	first, _, _ := strings.Cut(r.out, "\n")
	if !strings.HasPrefix(first, "created tok_") || !strings.Contains(first, "Visa •••• 9995") || !strings.Contains(first, "unused") {
		t.Errorf("first line = %q, want created tok_… card Visa •••• 9995 (○ unused)", first)
	}
	for _, want := range []string{"card.number", "•••• •••• •••• 9995", "test card", "insufficient_funds", "request id", "req_"} {
		if !strings.Contains(r.out, want) {
			t.Errorf("output lacks %q:\n%s", want, r.out)
		}
	}
}

func TestCreateEveryKindThenGetAndList(t *testing.T) {
	s := newSandbox(t)
	cases := []struct {
		args   []string
		prefix string
		typ    string
	}{
		{[]string{"create", "bank", "--preset", "bank_ok"}, "btok_", "bank_account"},
		{[]string{"create", "bank", "--routing", "110000000", "--account", "000123456789", "--holder", "Jenny Rosen", "--holder-type", "individual"}, "btok_", "bank_account"},
		{[]string{"create", "pii", "--preset", "id_match"}, "pii_", "pii"},
		{[]string{"create", "pii", "--id-number", "111111111"}, "pii_", "pii"},
		{[]string{"create", "account", "--business-type", "individual", "--first-name", "Jenny", "--last-name", "Rosen"}, "ct_", "account"},
		{[]string{"create", "card", "--number", "5555 5555 5555 4444", "--exp", "12/34", "--cvc", "123"}, "tok_", "card"},
	}
	var ids []string
	for _, c := range cases {
		tok := token(t, s.ok(append(c.args, "--json")...).out)
		if !strings.HasPrefix(tok.ID, c.prefix) || string(tok.Type) != c.typ || tok.Used || tok.Livemode {
			t.Errorf("%v: token %s type %s used %t livemode %t", c.args, tok.ID, tok.Type, tok.Used, tok.Livemode)
		}
		if c.typ == "bank_account" && (tok.BankAccount == nil || tok.BankAccount.Last4 != "6789" || tok.BankAccount.BankName != "STRIPE TEST BANK") {
			t.Errorf("%v: bank_account = %+v", c.args, tok.BankAccount)
		}
		if again := token(t, s.ok("get", tok.ID, "--json").out); again.ID != tok.ID || again.Type != tok.Type {
			t.Errorf("get %s = %s %s", tok.ID, again.ID, again.Type)
		}
		ids = append(ids, tok.ID)
	}
	got := strings.Fields(s.ok("state", "list").out)
	if len(got) != len(ids) {
		t.Fatalf("state list = %q, want %d ids", got, len(ids))
	}
	for i := range got {
		if want := ids[len(ids)-1-i]; got[i] != want {
			t.Errorf("state list[%d] = %s, want %s (newest first)", i, got[i], want)
		}
	}
}

// Bad inputs are refused locally with Stripe's code, exit 2. A number
// that is not a test card is given on stdin (--number -), as anything but
// Stripe's published test data must be.
func TestCreateRefusesBadCardInput(t *testing.T) {
	cases := []struct {
		name, code string
		stdin      string
		flags      []string
	}{
		{"luhn", "incorrect_number", "4242424242424241\n123\n", []string{"--number", "-", "--exp", "12/34", "--cvc", "-"}},
		{"luhn before expiry", "incorrect_number", "4242424242424241\n", []string{"--number", "-", "--exp", "1/2"}},
		{"short", "invalid_number", "4242\n123\n", []string{"--number", "-", "--exp", "12/34", "--cvc", "-"}},
		{"month", "invalid_expiry_month", "", []string{"--number", "4242424242424242", "--exp", "13/34", "--cvc", "123"}},
		{"past year", "invalid_expiry_year", "", []string{"--number", "4242424242424242", "--exp", "12/20", "--cvc", "123"}},
		{"cvc", "invalid_cvc", "", []string{"--number", "4242424242424242", "--exp", "12/34", "--cvc", "12"}},
		{"preset cvc", "invalid_cvc", "", []string{"--preset", "visa", "--cvc", "1"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			s := newSandbox(t).input(c.stdin)
			r := s.expect(2, append([]string{"create", "card"}, c.flags...)...)
			if !strings.Contains(r.errOut, c.code) || !strings.HasPrefix(r.errOut, "Error: ") {
				t.Errorf("stderr lacks Error: … %s:\n%s", c.code, r.errOut)
			}
			if r.out != "" {
				t.Errorf("stdout = %q, want nothing without --json", r.out)
			}
			j := s.expect(2, append([]string{"create", "card", "--json"}, c.flags...)...)
			var e views.ErrorJSON
			if err := json.Unmarshal([]byte(j.out), &e); err != nil || e.Error.Code != c.code || e.Error.Param == "" {
				t.Errorf("--json stdout = %s (%v), want Stripe's error object with code %s and a param", j.out, err, c.code)
			}
		})
	}
}

// A real-looking card number is refused on the command line before
// anything is sent, and never echoed; given on stdin, it is refused
// locally (test_mode_live_card) and never written under the state dir.
func TestCreateRefusesNonTestNumberAndForgetsIt(t *testing.T) {
	s := newSandbox(t)
	s.create("card", "visa") // so the state dir has files to search
	for _, number := range []string{"4111111111111111", "4111 1111 1111 1111", "4111-1111-1111-1111"} {
		for _, extra := range [][]string{nil, {"--json"}, {"--dry-run"}} {
			args := append([]string{"create", "card", "--number", number, "--exp", "12/34", "--cvc", "123"}, extra...)
			r := s.expect(2, args...)
			if !strings.Contains(r.errOut, "--number: the card number given on the command line is not Stripe's published test data") ||
				!strings.Contains(r.errOut, "--number - reads one line") {
				t.Errorf("%v: stderr does not refuse --number and point to stdin:\n%s", extra, r.errOut)
			}
			if strings.Contains(r.all(), "4111111111111111") || strings.Contains(r.all(), number) {
				t.Errorf("%v: output echoes the number:\n%s", extra, r.all())
			}
			args = append([]string{"create", "card", "--number", "-", "--exp", "12/34", "--cvc", "-"}, extra...)
			r = s.input(number+"\n123\n").expect(2, args...)
			if !strings.Contains(r.errOut, "test_mode_live_card") {
				t.Errorf("%v: stderr lacks test_mode_live_card:\n%s", extra, r.errOut)
			}
			if strings.Contains(r.all(), "4111111111111111") || strings.Contains(r.all(), number) {
				t.Errorf("%v: output echoes the number:\n%s", extra, r.all())
			}
		}
	}
	s.assertNotInStateDir("4111111111111111", "4111 1111", "4111-1111")
	if got := strings.Fields(s.ok("state", "list").out); len(got) != 1 {
		t.Errorf("state holds %v, want only the visa token", got)
	}
}

func TestCreateDryRunPrintsPlanAndSendsNothing(t *testing.T) {
	s := newSandbox(t)
	r := s.ok("create", "card", "--preset", "insufficient_funds", "--dry-run")
	for _, want := range []string{
		"tokenscope will perform the following actions:",
		"# token.card will be created",
		"•••• •••• •••• 9995",
		"(sensitive)",
		"(known after apply)",
		"POST /v1/tokens  →  OFFLINE emulator",
		"Plan: 1 to add, 0 to change, 0 to destroy.",
	} {
		if !strings.Contains(r.out, want) {
			t.Errorf("plan lacks %q:\n%s", want, r.out)
		}
	}
	if strings.Contains(r.out, "4000000000009995") || strings.Contains(r.out, "\"123\"") {
		t.Errorf("plan shows a secret:\n%s", r.out)
	}
	if _, err := os.Stat(filepath.Join(s.dir, "state.json")); err == nil {
		t.Errorf("a dry run wrote the state")
	}
	if ids := s.ok("state", "list").out; ids != "" {
		t.Errorf("state after a dry run = %q", ids)
	}
	lines := strings.Split(strings.TrimSpace(s.ok("create", "pii", "--preset", "id_match", "--dry-run", "--json").out), "\n")
	if len(lines) != 3 || !strings.Contains(lines[0], `"type":"version"`) || !strings.Contains(lines[1], `"planned_change"`) || !strings.Contains(lines[2], `"change_summary"`) {
		t.Errorf("--dry-run --json lines = %q", lines)
	}
}

func TestCreateUsageErrors(t *testing.T) {
	s := newSandbox(t)
	for _, args := range [][]string{
		{"create", "card"},
		{"create", "card", "--preset", "visa", "--number", "4242424242424242"},
		{"create", "bank", "--preset", "visa"},
		{"create", "bank", "--routing", "110000000"},
		{"create", "pii"},
		{"create", "card", "--preset"},
		{"create", "card", "--bogus"},
		{"create", "spaceship"},
		{"get"},
		{"get", "a", "b"},
		{"nosuchcommand"},
	} {
		r := s.expect(2, args...)
		if !strings.HasPrefix(r.errOut, "Error: ") || !strings.Contains(r.errOut, "--help") {
			t.Errorf("%v: stderr = %q, want Error: … and a pointer to --help", args, r.errOut)
		}
	}
	r := s.expect(2, "create", "card", "--preset", "no_such_card")
	if !strings.Contains(r.errOut, "unknown_preset") {
		t.Errorf("unknown preset: stderr lacks unknown_preset:\n%s", r.errOut)
	}
	r = s.expect(2, "create", "account")
	if !strings.Contains(r.errOut, "business_type") {
		t.Errorf("account without business type: stderr lacks the param:\n%s", r.errOut)
	}
}

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

// Card input errors say what is wrong and always carry why and next.
func TestCardErrorsSayWhatIsWrong(t *testing.T) {
	now := time.Now()
	past := fmt.Sprintf("%02d/%02d", int(now.Month())-1, now.Year()%100)
	cases := []struct {
		name  string
		flags []string
		want  []string
	}{
		{"no exp", []string{"--number", "4242424242424242"}, []string{"parameter_missing", "exp_month", "--exp is required"}},
		{"no exp, bad number", []string{"--number", "4242424242424241"}, []string{"incorrect_number"}},
		{"month 13", []string{"--number", "4242424242424242", "--exp", "13/34"}, []string{"invalid_expiry_month"}},
	}
	if now.Month() > time.January {
		cases = append(cases, struct {
			name  string
			flags []string
			want  []string
		}{"past month", []string{"--number", "4242424242424242", "--exp", past}, []string{"invalid_expiry_month", "already over"}})
	}
	s := newSandbox(t)
	for _, c := range cases {
		r := s.expect(2, append([]string{"create", "card"}, c.flags...)...)
		for _, w := range append(c.want, "  why ", "  next ", "refused locally") {
			if !strings.Contains(r.errOut, w) {
				t.Errorf("%s: stderr lacks %q:\n%s", c.name, w, r.errOut)
			}
		}
		if strings.Contains(r.errOut, "must be 1 to 12") && strings.HasPrefix(c.name, "no exp") {
			t.Errorf("%s: blames the month's range:\n%s", c.name, r.errOut)
		}
	}
}
