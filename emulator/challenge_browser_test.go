package emulator

import (
	"context"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/stripe/stripe-go/v85"
)

// browser starts a headless Chromium for t, or skips t when none is
// installed (.ci/run installs Debian's chromium; CI=true makes a missing
// one fail instead, so CI never passes this test by skipping it).
func browser(t *testing.T) context.Context {
	t.Helper()
	var path string
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome"} {
		if p, err := exec.LookPath(name); err == nil {
			path = p
			break
		}
	}
	if path == "" {
		if os.Getenv("CI") == "true" {
			t.Fatal("no chromium on CI: .ci/run installs it")
		}
		t.Skip("no chromium installed (apt-get install chromium)")
	}
	opts := append(chromedp.DefaultExecAllocatorOptions[:], chromedp.ExecPath(path), chromedp.NoSandbox,
		chromedp.Flag("disable-gpu", true), chromedp.UserDataDir(t.TempDir()))
	actx, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
	ctx, cancel := chromedp.NewContext(actx)
	t.Cleanup(func() { cancel(); cancelAlloc() })
	ctx, cancelTime := context.WithTimeout(ctx, 60*time.Second)
	t.Cleanup(cancelTime)
	return ctx
}

// TestChallengePageInABrowser opens the 3D Secure page a PaymentIntent's
// next_action names in a real browser and presses its buttons: Complete
// ends in succeeded, Fail in requires_payment_method, and the browser
// lands on the return_url with Stripe's redirect_status.
func TestChallengePageInABrowser(t *testing.T) {
	bctx := browser(t)
	_, srv := newServer(t, "")
	c := newClient(srv.URL, testKey)
	var mu sync.Mutex
	var returned []string
	shop := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/done" { // not the browser's /favicon.ico
			mu.Lock()
			returned = append(returned, r.URL.RawQuery)
			mu.Unlock()
		}
		w.Header().Set("Content-Type", "text/html")
		_, _ = w.Write([]byte(`<!doctype html><title>done</title><p id="done">back at the shop</p>`))
	}))
	t.Cleanup(shop.Close)

	for _, tc := range []struct {
		button, status, redirect string
	}{
		{"complete", "succeeded", "redirect_status=succeeded"},
		{"fail", "requires_payment_method", "redirect_status=failed"},
	} {
		pi, err := confirmPI(c, "pm_card_threeDSecure2Required", func(p *stripe.PaymentIntentCreateParams) {
			p.ReturnURL = stripe.String(shop.URL + "/done")
		})
		if err != nil || pi.NextAction == nil || pi.NextAction.RedirectToURL == nil {
			t.Fatalf("%+v %v", pi, err)
		}
		if err := chromedp.Do(bctx, chromedp.Navigate(pi.NextAction.RedirectToURL.URL)); err != nil {
			t.Fatalf("open the page: %v", err)
		}
		what, err := chromedp.Run(bctx, chromedp.Text(chromedp.ID("what")))
		if err != nil {
			t.Fatalf("read the page: %v", err)
		}
		if err := chromedp.Do(bctx, chromedp.Click(chromedp.ID(tc.button)), chromedp.WaitVisible(chromedp.ID("done"))); err != nil {
			t.Fatalf("press %s: %v", tc.button, err)
		}
		if !strings.Contains(what, "20.00 usd") || !strings.Contains(what, "•••• 3220") {
			t.Errorf("the page says %q", what)
		}
		got, err := c.V1PaymentIntents.Retrieve(ctx, pi.ID, nil)
		if err != nil || string(got.Status) != tc.status {
			t.Errorf("%s: status %v, %v", tc.button, got.Status, err)
		}
		mu.Lock()
		last := returned[len(returned)-1]
		mu.Unlock()
		if !strings.Contains(last, tc.redirect) || !strings.Contains(last, "payment_intent="+pi.ID) {
			t.Errorf("%s: returned with %q", tc.button, last)
		}
	}
}
