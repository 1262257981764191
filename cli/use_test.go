package cli

import (
	"encoding/json"
	"os"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/tokenscope/tokenscope/emulator"
	"github.com/tokenscope/tokenscope/model"
	"github.com/tokenscope/tokenscope/views"
)

// A declined charge uses the token, says why, and a second use is
// refused as Stripe refuses it.
func TestUseDeclineThenReuse(t *testing.T) {
	s := newSandbox(t)
	id := s.create("card", "insufficient_funds")

	r := s.expect(1, "use", id, "--charge", "1000")
	for _, want := range []string{"card_declined", "insufficient_funds", "why", "insufficient funds", "ch_", "req_"} {
		if !strings.Contains(r.all(), want) {
			t.Errorf("decline output lacks %q:\nstdout:\n%s\nstderr:\n%s", want, r.out, r.errOut)
		}
	}
	if !strings.Contains(r.out, id+" is now ● used") {
		t.Errorf("stdout does not say the token is spent:\n%s", r.out)
	}

	if tok := token(t, s.ok("get", id, "--json").out); !tok.Used {
		t.Errorf("get after a declined charge: used = false, want true")
	}
	if !strings.Contains(s.ok("list").out, "● used") {
		t.Errorf("list does not show the token used")
	}

	again := s.expect(1, "use", id, "--charge", "1000", "--json")
	var e views.ErrorJSON
	if err := json.Unmarshal([]byte(again.out), &e); err != nil || e.Error.Code != "token_already_used" {
		t.Errorf("second use: stdout = %s (%v), want code token_already_used", again.out, err)
	}
	if !strings.Contains(again.errOut, "token_already_used") {
		t.Errorf("second use: stderr lacks token_already_used:\n%s", again.errOut)
	}
	if show := s.ok("state", "show", id).out; !strings.Contains(show, "(declined: card_declined / insufficient_funds)") {
		t.Errorf("state show lacks the recorded decline:\n%s", show)
	}
}

func TestUseDeclineJSONIsStripesErrorWithCharge(t *testing.T) {
	s := newSandbox(t)
	id := s.create("card", "lost_card")
	r := s.expect(1, "use", id, "--charge", "1000", "--json")
	var e views.ErrorJSON
	if err := json.Unmarshal([]byte(r.out), &e); err != nil {
		t.Fatalf("stdout is not one JSON document: %v\n%s", err, r.out)
	}
	if e.Error.Type != "card_error" || e.Error.Code != "card_declined" || e.Error.DeclineCode != "lost_card" || !strings.HasPrefix(e.Error.Charge, "ch_") {
		t.Errorf("error = %+v", e.Error)
	}
}

func TestUseChargeAndCustomerSucceed(t *testing.T) {
	s := newSandbox(t)
	visa := s.create("card", "visa")
	r := s.ok("use", visa, "--charge", "500")
	if !strings.Contains(r.out, "charged "+visa+": ch_") || !strings.Contains(r.out, "succeeded") || !strings.Contains(r.out, "● used") {
		t.Errorf("charge output:\n%s", r.out)
	}

	bank := s.create("bank", "bank_ok")
	r = s.ok("use", bank, "--customer", "--json")
	var out struct {
		Use struct {
			ObjectID string `json:"object_id"`
			Status   string `json:"status"`
		} `json:"use"`
		Token struct {
			ID   string `json:"id"`
			Used bool   `json:"used"`
		} `json:"token"`
	}
	if err := json.Unmarshal([]byte(r.out), &out); err != nil {
		t.Fatalf("%v\n%s", err, r.out)
	}
	if !strings.HasPrefix(out.Use.ObjectID, "cus_") || out.Use.Status != "attached" || out.Token.ID != bank || !out.Token.Used {
		t.Errorf("use --customer --json = %+v", out)
	}
}

func TestUseDryRunAndUsage(t *testing.T) {
	s := newSandbox(t)
	id := s.create("card", "insufficient_funds")
	r := s.ok("use", id, "--charge", "1000", "--dry-run")
	for _, want := range []string{"# charge.charge will be created", "POST /v1/charges", "expected: declined, card_declined / insufficient_funds", "Plan: 1 to add"} {
		if !strings.Contains(r.out, want) {
			t.Errorf("plan lacks %q:\n%s", want, r.out)
		}
	}
	if tok := token(t, s.ok("get", id, "--json").out); tok.Used {
		t.Errorf("a dry run used the token")
	}
	s.expect(2, "use", id)
	s.expect(2, "use", id, "--customer", "--charge", "100")
	if r := s.expect(2, "use", id, "--charge", "10"); !strings.Contains(r.errOut, "amount") {
		t.Errorf("a charge below the minimum: stderr lacks the param:\n%s", r.errOut)
	}
	if r := s.expect(1, "use", "tok_doesnotexist", "--customer"); !strings.Contains(r.errOut, "resource_missing") {
		t.Errorf("unknown token: stderr lacks resource_missing:\n%s", r.errOut)
	}
}

// A second use is refused with token_already_used: the token was already
// used before, the refused attempt did not just use it.
func TestReuseSaysWasAlreadyUsed(t *testing.T) {
	s := newSandbox(t)
	id := s.create("card", "visa")
	first := s.ok("use", id, "--customer", "--json").out
	cus := regexp.MustCompile(`cus_[A-Za-z0-9]+`).FindString(first)
	r := s.expect(1, "use", id, "--customer")
	if !strings.Contains(r.out, id+" was already ● used") || strings.Contains(r.out, "is now") {
		t.Errorf("second use:\nstdout:\n%s\nstderr:\n%s", r.out, r.errOut)
	}
	// The state knows what took the token: the explanation names it.
	if cus == "" || !strings.Contains(r.errOut, "consumed by customer "+cus) {
		t.Errorf("second use: stderr does not name %q, the customer that used the token:\n%s", cus, r.errOut)
	}
}

// A decimal --charge is a usage error that gives the whole number in
// the currency's smallest unit, not strconv's parse error.
func TestUseChargeDecimalIsUsageWithTheAmountItMeans(t *testing.T) {
	s := newSandbox(t)
	id := s.create("card", "visa")
	for _, c := range []struct{ args, want string }{
		{"--charge 1.50", "--charge: the amount is in the currency's smallest unit (cents for usd): 1.50 usd is --charge 150"},
		{"--charge 2.5 --currency EUR", "2.5 eur is --charge 250"},
		{"--charge 500.00 --currency jpy", "1.50 usd is --charge 150"}, // jpy has no decimals
		{"--charge ten", "1.50 usd is --charge 150"},
		{"--charge 4242424242424242.00", "1.50 usd is --charge 150"}, // not echoed: no amount, maybe a card
	} {
		r := s.expect(2, append([]string{"use", id}, strings.Fields(c.args)...)...)
		if !strings.Contains(r.errOut, c.want) || strings.Contains(r.errOut, "strconv") || strings.Contains(r.errOut, "4242424242424242") {
			t.Errorf("use %s: stderr\n%s\nwant %q", c.args, r.errOut, c.want)
		}
	}
	if tok := token(t, s.ok("get", id, "--json").out); tok.Used {
		t.Error("a refused --charge used the token")
	}
}

// minorUnits is the inverse of model.FormatAmount: whatever it reads,
// formatting the result gives back the same amount.
func FuzzMinorUnits(f *testing.F) {
	for _, s := range []string{"1.50", "1.5", "12.", ".5", "0.01", "1.505", "abc", "-1.50", "1e3", "", ".", "99999999999999999999.00"} {
		f.Add(s, "usd")
	}
	f.Add("500", "jpy")
	f.Add("1.000", "kwd")
	f.Fuzz(func(t *testing.T, s, cur string) {
		n, ok := minorUnits(s, cur)
		if !ok {
			return
		}
		if n < 0 || strings.Trim(s, "0123456789.") != "" {
			t.Fatalf("minorUnits(%q, %q) = %d", s, cur, n)
		}
		back, _, _ := strings.Cut(model.FormatAmount(n, cur), " ")
		if m, ok := minorUnits(back, cur); (ok && m != n) || (!ok && strconv.FormatInt(n, 10) != back) {
			t.Fatalf("minorUnits(%q, %q) = %d, but that formats as %q", s, cur, n, back)
		}
	})
}

// Using a token the API no longer knows says so and records it gone,
// instead of "is still ○ unused".
func TestUseOfAMissingTokenSaysItIsGone(t *testing.T) {
	s := newSandbox(t)
	id := s.create("card", "visa")
	// The offline emulator forgets every token it made.
	files, err := emulator.Files(s.dir)
	if err != nil || len(files) == 0 {
		t.Fatalf("the emulator's files: %v %v", files, err)
	}
	for _, f := range files {
		if err := os.Remove(f); err != nil {
			t.Fatal(err)
		}
	}
	r := s.expect(1, "use", id, "--customer")
	if !strings.Contains(r.out, id+" no longer exists (resource_missing)") || strings.Contains(r.out, "still") {
		t.Errorf("use of a missing token:\nstdout:\n%s\nstderr:\n%s", r.out, r.errOut)
	}
	if list := s.ok("list").out; !strings.Contains(list, "- gone") {
		t.Errorf("list does not show the token gone:\n%s", list)
	}
}
