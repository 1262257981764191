package views

import (
	"os/exec"
	"strings"
	"testing"
	"time"

	"github.com/tokenscope/tokenscope/model"
)

// A value a user typed (a cardholder name) reaches the shell as one word,
// whatever it holds: run through sh, the curl line's arguments are the
// parameters as sent.
func TestCurlOfQuotesValues(t *testing.T) {
	if _, err := exec.LookPath("sh"); err != nil {
		t.Skip("no sh")
	}
	name := `Jenny '$(touch pwned)' "x" $HOME ` + "`id`"
	e := model.LoggedRequest{Method: "POST", Path: "/v1/tokens", TestData: "visa",
		Body: "card[number]=•••• 4242&card[cvc]=(sensitive)&card[name]=" + name}
	r := CurlOf(e, time.Now())
	// Print the arguments curl would get instead of running it.
	script := strings.Replace(r.Curl, "curl ", "printf '%s\\n' ", 1)
	out, err := exec.Command("sh", "-c", script).CombinedOutput()
	if err != nil {
		t.Fatalf("%v\n%s", err, out)
	}
	for _, want := range []string{"card[name]=" + name, "card[number]=4242424242424242", "card[cvc]=123"} {
		if !strings.Contains(string(out), want+"\n") {
			t.Errorf("argument %q not passed as it is:\n%s", want, out)
		}
	}
}

// A masked value with no published test data for it is never written: the
// request gets a note instead of lines. A stand-in says so.
func TestCurlOfWithoutTestData(t *testing.T) {
	r := CurlOf(model.LoggedRequest{Method: "POST", Path: "/v1/tokens", Body: "card[number]=•••• 7777&card[exp_month]=12"}, time.Now())
	if r.Curl != "" || r.Stripe != "" || !strings.Contains(r.Note, "not written out") {
		t.Errorf("written: %+v", r)
	}
	r = CurlOf(model.LoggedRequest{Method: "POST", Path: "/v1/tokens", TestData: "visa", StandIn: true, Body: "card[number]=•••• 4242"}, time.Now())
	if !strings.Contains(r.Curl, "4242424242424242") || !strings.Contains(r.Note, "in place of the number sent") {
		t.Errorf("stand-in: %+v", r)
	}
}

// The emulator's own 3D Secure page is never aimed at api.stripe.com:
// its curl line needs $STRIPE_API_BASE (the shell stops without it) and
// there is no stripe CLI line.
func TestCurlOfTheEmulatorsChallengePage(t *testing.T) {
	r := CurlOf(model.LoggedRequest{Method: "POST", Path: model.EmulatorChallengePath + "pi_1", Body: "action=complete"}, time.Now())
	if strings.Contains(r.Curl, "api.stripe.com") || !strings.Contains(r.Curl, "${STRIPE_API_BASE:?") || r.Stripe != "" ||
		!strings.Contains(r.Note, "emulator's own") {
		t.Errorf("%+v", r)
	}
	if _, err := exec.LookPath("sh"); err != nil {
		return
	}
	script := strings.Replace(r.Curl, "curl ", "printf '%s\\n' ", 1)
	if out, err := exec.Command("sh", "-c", "unset STRIPE_API_BASE; "+script).CombinedOutput(); err == nil {
		t.Errorf("ran without STRIPE_API_BASE:\n%s", out)
	}
}
