package cli

import (
	"net/http"
	"net/http/httptest"
	"strings"
	"sync/atomic"
	"testing"
	"time"
)

// A type filter that can match nothing is refused before anything is
// read or forwarded, offline with the closest type the emulator makes: a
// typo used to end in a silent "No events", or a listen that never
// forwarded anything.
func TestEventTypeFiltersThatMatchNothingAreRefused(t *testing.T) {
	a := newSandbox(t)
	for _, c := range []struct {
		args []string
		want string
	}{
		{[]string{"events", "--type", "charge.succeded"}, `Did you mean "charge.succeeded"?`},
		{[]string{"events", "--type", "bogus"}, "charge.*"},
		{[]string{"events", "--type", "Charge;rm"}, "is not an event type"},
		{[]string{"listen", "--forward-to", "http://127.0.0.1:1/hook", "--events", "charge.succeeded,bogus.thing"}, `"bogus.thing"`},
	} {
		r := a.expect(2, c.args...)
		if !strings.Contains(r.errOut, c.want) {
			t.Errorf("%v: the refusal does not say %q:\n%s", c.args, c.want, r.errOut)
		}
	}
	for _, ok := range []string{"charge.*", "charge.dispute.*", "*", "payment_intent.requires_action"} {
		a.ok("events", "--type", ok)
	}
	// --delivery names the states as deliveries print them.
	a.ok("events", "--delivery", "delivering")
}

// "No events" says what was looked for: what the token became, or that
// the id is not in the state.
func TestNoEventsSaysWhatWasLookedFor(t *testing.T) {
	a := newSandbox(t)
	if r := a.ok("events", "--for", "tok_notinthestate"); !strings.Contains(r.out, "not a token of this workspace's state") {
		t.Errorf("an unknown id:\n%s", r.out)
	}
	ct := token(t, a.ok("create", "account", "--business-type", "individual", "--json").out).ID
	a.ok("use", ct, "--account")
	if r := a.ok("events", "--for", ct, "--type", "charge.*"); !strings.Contains(r.out, "or what it became (acct_") {
		t.Errorf("a used account token:\n%s", r.out)
	}
}

// listen says at once that an attempt failed and will be retried, not
// only once the last retry is done.
func TestListenShowsARetryAsItHappens(t *testing.T) {
	s := newSandbox(t)
	var calls atomic.Int32
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if calls.Add(1) == 1 {
			w.WriteHeader(http.StatusServiceUnavailable)
		}
	}))
	defer srv.Close()
	out, stop := s.listening("--forward-to", srv.URL+"/webhook", "--events", "customer.created")
	s.ok("use", s.create("card", "visa"), "--customer")
	for i := 0; !strings.Contains(out.String(), "[200]"); i++ {
		if i > 3000 {
			t.Fatalf("no delivery line: %q", out.String())
		}
		time.Sleep(10 * time.Millisecond)
	}
	stop()
	lines := strings.Split(strings.TrimSpace(out.String()), "\n")
	if n := len(lines); n < 2 || !strings.Contains(lines[n-2], "[503]") || !strings.Contains(lines[n-2], "retrying") ||
		!strings.Contains(lines[n-1], "(2 attempts)") {
		t.Errorf("want a [503] retrying line, then the delivery in 2 attempts:\n%s", out)
	}
}
