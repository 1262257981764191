package emulator

import (
	"strings"
	"testing"

	"github.com/stripe/stripe-go/v85"
)

// The emulator's default version is the one stripe-go pins: a stripe-go
// upgrade that moves it fails here, as a reminder to teach the emulator
// the new version.
func TestDefaultVersionIsStripeGos(t *testing.T) {
	if DefaultVersion != stripe.APIVersion {
		t.Errorf("DefaultVersion %q, stripe-go pins %q", DefaultVersion, stripe.APIVersion)
	}
	if !knownVersion(DefaultVersion) {
		t.Errorf("the default version %q is not known", DefaultVersion)
	}
}

// Every response carries the version it answers in: a pinned one of the
// dahlia family, else DefaultVersion, the only shape the emulator
// renders; any other of Stripe's versions is accepted (a suite pinned to
// it keeps running) and the Warning header says it was answered in
// DefaultVersion; an unknown version is refused as Stripe refuses it,
// saying which version the emulator answers in.
func TestStripeVersion(t *testing.T) {
	e, _ := New(Options{Now: clock})
	for _, tc := range []struct {
		name, path, key, version string
		status                   int
		echo, warned, message    string
	}{
		{"default", "/v1/tokens/tok_visa", testKey, "", 200, DefaultVersion, "", ""},
		{"pinned dahlia", "/v1/tokens/tok_visa", testKey, "2026-05-27.dahlia", 200, "2026-05-27.dahlia", "", ""},
		{"pinned older", "/v1/tokens/tok_visa", testKey, "2024-06-20", 200, DefaultVersion, "2024-06-20", ""},
		{"pinned named", "/v1/tokens/tok_visa", testKey, "2025-03-31.basil", 200, DefaultVersion, "2025-03-31.basil", ""},
		{"before refunds were a list", "/v1/tokens/tok_visa", testKey, "2019-12-03", 200, DefaultVersion, "2019-12-03", ""},
		{"2017", "/v1/tokens/tok_visa", testKey, "2017-08-15", 200, DefaultVersion, "2017-08-15", ""},
		{"early", "/v1/tokens/tok_visa", testKey, "2013-02-13", 200, DefaultVersion, "2013-02-13", ""},
		{"error", "/v1/tokens/tok_nope", testKey, "2024-06-20", 404, DefaultVersion, "2024-06-20", ""},
		{"no route", "/v1/nothing", testKey, "", 404, DefaultVersion, "", ""},
		{"no key", "/v1/tokens/tok_visa", "", "", 401, DefaultVersion, "", ""},
		{"unknown", "/v1/tokens/tok_visa", testKey, "2019-2-19", 400, DefaultVersion, "", "Invalid Stripe API version: 2019-2-19 (the tokenscope emulator answers in " + DefaultVersion},
		{"endive (stripe-node 23.0)", "/v1/tokens/tok_visa", testKey, "2026-09-30.endive", 200, DefaultVersion, "2026-09-30.endive", ""},
		{"endive (stripe-node 23.2)", "/v1/tokens/tok_visa", testKey, "2026-11-18.endive", 200, DefaultVersion, "2026-11-18.endive", ""},
		{"newer than listed", "/v1/tokens/tok_visa", testKey, "2026-12-16.endive", 200, DefaultVersion, "2026-12-16.endive", ""},
		{"next release", "/v1/tokens/tok_visa", testKey, "2099-01-01.zinnia", 200, DefaultVersion, "2099-01-01.zinnia", ""},
		{"unlisted dahlia", "/v1/tokens/tok_visa", testKey, "2026-08-27.dahlia", 400, DefaultVersion, "", "Invalid Stripe API version: 2026-08-27.dahlia"},
		{"unlisted endive before the newest", "/v1/tokens/tok_visa", testKey, "2026-10-01.endive", 400, DefaultVersion, "", "Invalid Stripe API version: 2026-10-01.endive"},
		{"newer date, older release", "/v1/tokens/tok_visa", testKey, "2027-01-27.dahlia", 400, DefaultVersion, "", "Invalid Stripe API version: 2027-01-27.dahlia"},
		{"newer date, no release", "/v1/tokens/tok_visa", testKey, "2027-01-27", 400, DefaultVersion, "", "Invalid Stripe API version: 2027-01-27"},
		{"newer, capitalised", "/v1/tokens/tok_visa", testKey, "2027-01-27.Fig", 400, DefaultVersion, "", "Invalid Stripe API version: 2027-01-27.Fig"},
		{"newer, not a date", "/v1/tokens/tok_visa", testKey, "2027-13-27.fig", 400, DefaultVersion, "", "Invalid Stripe API version: 2027-13-27.fig"},
		{"newer, empty name", "/v1/tokens/tok_visa", testKey, "2027-01-27.", 400, DefaultVersion, "", "Invalid Stripe API version: 2027-01-27."},
		{"garbage", "/v1/tokens/tok_visa", testKey, "latest", 400, DefaultVersion, "", "Invalid Stripe API version: latest"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			h := map[string]string{}
			if tc.version != "" {
				h["Stripe-Version"] = tc.version
			}
			rec := do(t, e, "GET", tc.path, tc.key, "", h)
			if rec.Code != tc.status || rec.Header().Get("Stripe-Version") != tc.echo {
				t.Errorf("%d Stripe-Version %q, want %d %q: %s", rec.Code, rec.Header().Get("Stripe-Version"), tc.status, tc.echo, rec.Body)
			}
			warning := rec.Header().Get("Warning")
			switch {
			case tc.warned == "" && warning != "":
				t.Errorf("Warning %q", warning)
			case tc.warned != "" && !strings.Contains(warning, "Stripe-Version "+tc.warned+" is answered in "+DefaultVersion):
				t.Errorf("Warning %q does not say %s is answered in %s", warning, tc.warned, DefaultVersion)
			}
			if tc.message != "" {
				if got := errorBody(t, rec); got.Type != "invalid_request_error" || !strings.HasPrefix(got.Message, tc.message) {
					t.Errorf("error %+v", got)
				}
			}
		})
	}
}

// stripe-go pins its version on every request and gets it back.
func TestStripeGoVersion(t *testing.T) {
	_, srv := newServer(t, "")
	c := newClient(srv.URL, testKey)
	tok, err := c.V1Tokens.Retrieve(ctx, "tok_visa", nil)
	if err != nil {
		t.Fatal(err)
	}
	if got := tok.LastResponse.Header.Get("Stripe-Version"); got != stripe.APIVersion {
		t.Errorf("Stripe-Version %q, want %q", got, stripe.APIVersion)
	}
}
