package cli

import (
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/tokenscope/tokenscope/emulator"
	"github.com/tokenscope/tokenscope/model"
)

// chargeBehindOurBack uses a token through the emulator directly, as
// another program sharing the backend would: the state does not know yet.
func chargeBehindOurBack(t *testing.T, dir, id string) {
	t.Helper()
	emu, err := emulator.New(emulator.Options{Dir: dir})
	if err != nil {
		t.Fatal(err)
	}
	form := url.Values{"amount": {"500"}, "currency": {"usd"}, "source": {id}}
	req := httptest.NewRequest(http.MethodPost, "/v1/charges", strings.NewReader(form.Encode()))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	req.Header.Set("Authorization", "Bearer sk_test_someoneelse")
	rec := httptest.NewRecorder()
	emu.ServeHTTP(rec, req)
	if rec.Code != http.StatusOK {
		t.Fatalf("charge %s: %d %s", id, rec.Code, rec.Body)
	}
}

func TestRefreshShowsAndRecordsDrift(t *testing.T) {
	s := newSandbox(t)
	a, b, c := s.create("card", "visa"), s.create("card", "mastercard"), s.create("bank", "bank_ok")
	chargeBehindOurBack(t, s.dir, a)
	chargeBehindOurBack(t, s.dir, b)

	r := s.ok("refresh", a, c)
	for _, want := range []string{"Refreshed 2 tokens in", "used: false -> true", "Refresh: 1 changed, 0 gone, 1 unchanged."} {
		if !strings.Contains(r.out, want) {
			t.Errorf("refresh lacks %q:\n%s", want, r.out)
		}
	}
	if tok := token(t, s.ok("state", "show", a, "--json").out); !tok.Used {
		// state show --json prints the record, whose used field is the token's
		t.Errorf("the drift was not recorded")
	}
	if again := s.ok("refresh", a).out; !strings.Contains(again, "Refresh: 0 changed, 0 gone, 1 unchanged.") {
		t.Errorf("second refresh still drifts:\n%s", again)
	}

	lines := strings.Split(strings.TrimSpace(s.ok("refresh", "--json").out), "\n")
	var msgs []map[string]any
	for _, l := range lines {
		var m map[string]any
		if err := json.Unmarshal([]byte(l), &m); err != nil {
			t.Fatalf("not a JSON line: %q", l)
		}
		msgs = append(msgs, m)
	}
	if len(msgs) != 3 || msgs[0]["type"] != "version" || msgs[1]["type"] != "resource_drift" || msgs[2]["type"] != "change_summary" {
		t.Fatalf("refresh --json = %q, want version, one resource_drift (%s), change_summary", lines, b)
	}
	if !strings.Contains(lines[1], b) {
		t.Errorf("the drift line does not name %s: %s", b, lines[1])
	}
}

func TestRefreshOfUnknownTokenFails(t *testing.T) {
	s := newSandbox(t)
	r := s.expect(1, "refresh", "tok_nosuchtoken")
	if !strings.Contains(r.all(), "resource_missing") || !strings.Contains(r.errOut, "could not be refreshed") {
		t.Errorf("refresh of an unknown id:\n%s", r.all())
	}
	j := s.expect(1, "refresh", "tok_nosuchtoken", "--json")
	for _, l := range strings.Split(strings.TrimSpace(j.out), "\n") {
		if !json.Valid([]byte(l)) {
			t.Errorf("refresh --json stdout is not JSON lines: %q", j.out)
		}
	}
	if !strings.Contains(j.out, `"diagnostic"`) {
		t.Errorf("the failure is not a diagnostic line:\n%s", j.out)
	}
}

func TestGetMagicTokenJoinsTheState(t *testing.T) {
	s := newSandbox(t)
	r := s.ok("get", "tok_visa")
	if !strings.Contains(r.out, "Visa •••• 4242") || !strings.Contains(r.out, "test card") {
		t.Errorf("get tok_visa:\n%s", r.out)
	}
	if !strings.Contains(s.ok("state", "list").out, "tok_") {
		t.Errorf("the fetched token is not in the state")
	}
	if r := s.expect(1, "get", "tok_nosuchtoken"); !strings.Contains(r.errOut, "resource_missing") || !strings.Contains(r.errOut, "request id") {
		t.Errorf("get of an unknown id:\n%s", r.errOut)
	}
}

func TestListEmptySaysHowToStart(t *testing.T) {
	s := newSandbox(t)
	if r := s.ok("list"); !strings.Contains(r.out, "No tokens") || !strings.Contains(r.out, "create card --preset visa") {
		t.Errorf("empty list:\n%s", r.out)
	}
	if r := s.ok("list", "--json"); strings.TrimSpace(r.out) != "[]" {
		t.Errorf("empty list --json = %q, want []", r.out)
	}
}

// The list's header counts in English: "1 token", not "1 tokens".
func TestListCountsOneToken(t *testing.T) {
	var b strings.Builder
	if err := writeList(&b, []model.Record{{ID: "tok_1", Type: model.KindCard}}, "OFFLINE", time.Now()); err != nil {
		t.Fatal(err)
	}
	if first := strings.SplitN(b.String(), "\n", 2)[0]; !strings.HasPrefix(first, "1 token · 0 used") {
		t.Errorf("header: %q", first)
	}
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
