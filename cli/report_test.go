package cli

import (
	"context"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/tokenscope/tokenscope/internal/testio"
	"github.com/tokenscope/tokenscope/model"
	"github.com/tokenscope/tokenscope/views"
)

// handTyped is a Visa number that is not one of Stripe's test cards but
// ends as the visa test card does (4242), so a stand-in exists; noStandIn
// ends as none does.
var (
	handTyped = luhnWith("400000000000", "4242", func(n string) bool { _, test := model.CardByNumber(n); return !test })
	noStandIn = luhnWith("411111111111", "7777", func(string) bool { return true })
)

// luhnWith is a Luhn-valid 16-digit number head + 0-9 + middle fill +
// tail that ok accepts (the check digit sits in the middle: the last 4
// are fixed).
func luhnWith(head, tail string, ok func(string) bool) string {
	for d := 0; d < 1000; d++ {
		n := head[:len(head)-3] + strconv.Itoa(100 + d)[:3] + tail
		if _, found := model.FindCardNumber([]byte(n), model.ScanStored); found != "" && ok(n) {
			return n
		}
	}
	panic("no Luhn-valid number")
}

// story makes tokens whose reports cover a use that succeeds, a decline,
// token_already_used, a card without a magic token, a test card typed by
// hand, numbers that are no test card, and a token of a kind without
// test data.
func story(t *testing.T, s *sandbox, global ...string) map[string]string {
	t.Helper()
	ids := map[string]string{}
	run := func(s *sandbox, code int, args ...string) result {
		t.Helper()
		return s.expect(code, append(append([]string(nil), global...), args...)...)
	}
	mk := func(s *sandbox, name string, args ...string) string {
		t.Helper()
		ids[name] = token(t, run(s, 0, append([]string{"create", "card", "--json"}, args...)...).out).ID
		return ids[name]
	}
	run(s, 0, "use", mk(s, "visa", "--preset", "visa"), "--charge", "1000")
	run(s, 1, "use", mk(s, "declined", "--preset", "insufficient_funds"), "--charge", "1000")
	run(s, 1, "use", ids["declined"], "--customer")
	run(s, 1, "use", mk(s, "velocity", "--preset", "card_velocity_exceeded"), "--charge", "500")
	run(s, 0, "use", mk(s, "typed", "--number", "4000056655665556", "--exp", "12/34", "--cvc", "123"), "--customer")
	run(s, 0, "use", mk(s, "intent", "--preset", "mastercard"), "--payment-intent", "1500")
	// Stripe's test mode refuses a number that is not a test card
	// (test_mode_live_card): the requests are logged, no token is made.
	for _, n := range []string{handTyped, noStandIn} {
		run(s.input(n+"\n123\n"), 1, "create", "card", "--number", "-", "--exp", "12/34", "--cvc", "-", "--allow-any-number")
	}
	// An account token has no test data to write it by: an export
	// names it and leaves it out.
	ids["account"] = token(t, run(s, 0, "create", "account", "--business-type", "individual", "--json").out).ID
	return ids
}

// Every curl line of a report runs as printed against `tokenscope
// emulator` (a fresh one: another account) and gets the outcome the
// request got: run in order in one shell they replay the story.
func TestReportCurlLinesReplayAgainstTheEmulator(t *testing.T) {
	curl, err := exec.LookPath("curl")
	if err != nil {
		t.Skip("curl is not installed")
	}
	_ = curl
	s := newSandbox(t)
	ids := story(t, s)
	// A 3D Secure story: the challenge answered on the emulator's own
	// page, then a part capture and a refund of the PaymentIntent.
	ids["threeds"] = token(t, s.ok("create", "card", "--preset", "threeds_always", "--json").out).ID
	pi, _ := piOf(t, s.ok("use", ids["threeds"], "--payment-intent", "2500", "--capture", "manual", "--json").out)
	s.ok("authenticate", pi)
	s.ok("capture", pi, "--amount", "1500")
	s.ok("refund", pi)
	base := serveEmulator(t)
	// bash, where there is one: the shell people paste into, stricter
	// than dash about quotes inside ${VAR:?...}.
	shell := "sh"
	if _, err := exec.LookPath("bash"); err == nil {
		shell = "bash"
	}

	for name, id := range ids {
		var r views.Report
		if err := json.Unmarshal([]byte(s.ok("report", id, "--json").out), &r); err != nil {
			t.Fatal(err)
		}
		var script strings.Builder
		var run []views.ReportRequest
		for _, q := range r.Requests {
			if q.Repro.Curl == "" {
				continue
			}
			run = append(run, q)
			script.WriteString("echo @@@\n" + q.Repro.Curl + "\necho\n")
		}
		if len(run) == 0 {
			t.Errorf("%s: no curl line in its report", name)
			continue
		}
		cmd := exec.Command(shell, "-c", script.String())
		cmd.Env = []string{"PATH=" + os.Getenv("PATH"), "STRIPE_API_KEY=sk_test_" + "replay", "STRIPE_API_BASE=" + base}
		out, err := cmd.CombinedOutput()
		if err != nil {
			t.Fatalf("%s: %v\n%s", name, err, out)
		}
		answers := strings.Split(string(out), "@@@\n")[1:]
		if len(answers) != len(run) {
			t.Fatalf("%s: %d answers to %d lines:\n%s", name, len(answers), len(run), out)
		}
		for i, q := range run {
			if got, want := outcome(answers[i], q.Repro.Keeps != ""), wantOutcome(q); got != want {
				t.Errorf("%s: %s %s got %q, the request got %q\n%s\n%s", name, q.Method, q.Path, got, want, q.Repro.Curl, answers[i])
			}
		}
	}
}

// wantOutcome is what a request of a report got, as outcome reads an
// answer: "ok", or the error's type, code and decline code.
func wantOutcome(q views.ReportRequest) string {
	if q.Status < 400 {
		return "ok"
	}
	return strings.TrimSpace(strings.TrimPrefix(q.Outcome, "HTTP "+strconv.Itoa(q.Status)))
}

// outcome reads what a curl line printed: an id (a line that keeps it),
// an object, or Stripe's error.
func outcome(answer string, keeps bool) string {
	answer = strings.TrimSpace(answer)
	if keeps {
		if regexp.MustCompile(`^[a-z]+_[A-Za-z0-9]+$`).MatchString(answer) {
			return "ok"
		}
		return "no id: " + answer
	}
	var body struct {
		ID    string `json:"id"`
		Error *struct {
			Type, Code  string
			DeclineCode string `json:"decline_code"`
		} `json:"error"`
	}
	if err := json.Unmarshal([]byte(answer), &body); err != nil {
		return "unreadable: " + answer
	}
	if e := body.Error; e != nil {
		return views.JoinNonEmpty(e.Type, e.Code, slashed(e.DeclineCode, e.Code))
	}
	return "ok"
}

func slashed(decline, code string) string {
	if decline == "" || decline == code {
		return ""
	}
	return "/ " + decline
}

// serveEmulator runs `tokenscope emulator` on a random loopback port in
// a state dir of its own, until the test ends, and returns its URL.
func serveEmulator(t *testing.T) string {
	t.Helper()
	server := newSandbox(t)
	ctx, cancel := context.WithCancel(context.Background())
	var out, errOut testio.SyncBuffer
	done := make(chan int, 1)
	go func() {
		done <- Main(ctx, []string{"emulator", "--listen", "127.0.0.1:0"}, strings.NewReader(""), &out, &errOut,
			func(k string) string { return server.vars[k] })
	}()
	t.Cleanup(func() { cancel(); <-done })
	urlRE := regexp.MustCompile(`serving (http://127\.0\.0\.1:\d+)`)
	for deadline := time.Now().Add(10 * time.Second); time.Now().Before(deadline); time.Sleep(10 * time.Millisecond) {
		if m := urlRE.FindStringSubmatch(out.String()); m != nil {
			return m[1]
		}
	}
	t.Fatalf("no base URL printed:\n%s\n%s", out.String(), errOut.String())
	return ""
}

// No report and no export holds a key or a card number other than
// Stripe's published test cards: a number typed by hand is written as
// the test card with its brand and last 4, or left out.
func TestReportAndExportHoldNoSecret(t *testing.T) {
	s := newSandbox(t)
	s.vars["STRIPE_API_KEY"] = "sk_test_" + "51HandKeyThatMustNotLeak"
	ids := story(t, s, "--offline")
	check := func(what, text string) {
		t.Helper()
		if model.MaskSecretsKeepTestCards(text) != text {
			t.Errorf("%s holds a secret:\n%s", what, text)
		}
		for _, n := range []string{handTyped, noStandIn, "51HandKeyThatMustNotLeak"} {
			if strings.Contains(text, n) {
				t.Errorf("%s holds %s", what, n)
			}
		}
	}
	for name, id := range ids {
		check(name+" report", s.ok("--offline", "report", id).out)
		check(name+" report --json", s.ok("--offline", "report", id, "--json").out)
	}
	export := filepath.Join(t.TempDir(), "export.hcl")
	s.ok("--offline", "state", "export", "--out", export)
	data, err := os.ReadFile(export)
	if err != nil {
		t.Fatal(err)
	}
	check("export", string(data))
	if fi, _ := os.Stat(export); fi.Mode().Perm() != 0o600 {
		t.Errorf("export mode %v, want 0600", fi.Mode().Perm())
	}
	// The events of the declined token and its failed charge are listed.
	if r := s.ok("--offline", "report", ids["declined"]).out; !strings.Contains(r, "`charge.failed`") {
		t.Errorf("the report lists no charge.failed event:\n%s", r)
	}
	if !strings.Contains(string(data), "left out") {
		t.Errorf("the export does not name the token it leaves out:\n%s", data)
	}
}

// An export applied in an empty state dir makes the same tokens, with
// the same used pattern and decline codes; the token it cannot write
// (an account token: no test data) is the only one missing.
func TestStateExportRoundTrip(t *testing.T) {
	a := newSandbox(t)
	ids := story(t, a)
	file := filepath.Join(t.TempDir(), "workspace.hcl")
	if out := a.ok("state", "export", "--out", file).out; !strings.Contains(out, "Exported 5 tokens") || !strings.Contains(out, "1 left out") {
		t.Errorf("export says:\n%s", out)
	}
	b := newSandbox(t)
	b.run("apply", file, "--auto-approve") // exit 1: the declines are part of the story
	shape := func(s *sandbox) (out []string) {
		var recs []model.Record
		for _, id := range strings.Fields(s.ok("state", "list").out) {
			var r model.Record
			if err := json.Unmarshal([]byte(s.ok("state", "show", id, "--json").out), &r); err != nil {
				t.Fatal(err)
			}
			recs = append(recs, r)
		}
		for _, r := range recs {
			if r.ID == ids["account"] {
				continue
			}
			line := string(r.Type) + " " + r.Summary + " used=" + strconv.FormatBool(r.Used)
			if len(r.Uses) > 0 {
				u := r.Uses[0]
				line += " " + string(u.Kind) + ":" + u.Status + ":" + u.Code + "/" + u.DeclineCode
			}
			out = append(out, line)
		}
		slices.Sort(out)
		return out
	}
	if got, want := shape(b), shape(a); !slices.Equal(got, want) {
		src, _ := os.ReadFile(file)
		t.Errorf("applied export:\n%s\nwant:\n%s\nfile:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"), src)
	}
}
