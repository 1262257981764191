package cli

import (
	"context"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/stripe/stripe-go/v85"

	"github.com/tokenscope/tokenscope/internal/testio"
)

// `tokenscope emulator` serves another tokenscope (here: another Main with
// another state dir) and stops cleanly when its context is cancelled, as
// main cancels it on SIGINT.
func TestEmulatorServesAndShutsDown(t *testing.T) {
	server := newSandbox(t)
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	var out, errOut testio.SyncBuffer
	done := make(chan int, 1)
	go func() {
		done <- Main(ctx, []string{"emulator", "--listen", "127.0.0.1:0"}, strings.NewReader(""), &out, &errOut,
			func(k string) string { return server.vars[k] })
	}()

	urlRE := regexp.MustCompile(`serving (http://127\.0\.0\.1:\d+)`)
	var base string
	for deadline := time.Now().Add(10 * time.Second); base == "" && time.Now().Before(deadline); time.Sleep(10 * time.Millisecond) {
		if m := urlRE.FindStringSubmatch(out.String()); m != nil {
			base = m[1]
		}
	}
	if base == "" {
		t.Fatalf("no base URL printed:\n%s\n%s", out.String(), errOut.String())
	}
	if !strings.Contains(out.String(), "tokenscope --api-base "+base) {
		t.Errorf("it does not say how to point tokenscope at it:\n%s", out.String())
	}

	user := newSandbox(t)
	id := token(t, user.ok("--api-base", base, "create", "card", "--preset", "insufficient_funds", "--json").out).ID
	if r := user.expect(1, "--api-base", base, "use", id, "--charge", "1000"); !strings.Contains(r.errOut, "insufficient_funds") {
		t.Errorf("decline through the served emulator:\n%s", r.errOut)
	}
	// The server's own state dir holds the emulator's objects: an
	// offline tokenscope there sees the same token, used.
	if tok := token(t, server.ok("get", id, "--json").out); !tok.Used {
		t.Errorf("the served emulator and the offline one disagree")
	}

	stripeGoAgainst(t, base)

	cancel()
	select {
	case code := <-done:
		if code != 0 {
			t.Errorf("exit %d after shutdown:\n%s", code, errOut.String())
		}
	case <-time.After(10 * time.Second):
		t.Fatal("the emulator did not shut down")
	}
}

func TestEmulatorRefusesRemoteListen(t *testing.T) {
	s := newSandbox(t)
	for _, addr := range []string{"0.0.0.0:0", ":0", "192.0.2.1:12111", "[::]:0"} {
		if r := s.expect(2, "emulator", "--listen", addr); !strings.Contains(r.errOut, "--allow-remote") {
			t.Errorf("%s: stderr = %s", addr, r.errOut)
		}
	}
	s.expect(2, "emulator", "--listen", "nonsense")
}

// stripeGoAgainst drives the served emulator as a stripe-go user would:
// auto-pagination, an expanded customer, the pinned version echoed.
func stripeGoAgainst(t *testing.T, base string) {
	t.Helper()
	ctx := context.Background()
	sc := stripe.NewClient("sk_test_stripego", stripe.WithBackends(stripe.NewBackendsWithConfig(&stripe.BackendConfig{
		URL: stripe.String(base), MaxNetworkRetries: stripe.Int64(0),
		LeveledLogger: &stripe.LeveledLogger{Level: stripe.LevelNull},
	})))
	var made []string
	for range 3 {
		cus, err := sc.V1Customers.Create(ctx, &stripe.CustomerCreateParams{Email: stripe.String("jenny@example.com"), Source: stripe.String("tok_visa")})
		if err != nil {
			t.Fatal(err)
		}
		made = append(made, cus.ID)
	}
	p := &stripe.CustomerListParams{Email: stripe.String("jenny@example.com")}
	p.Limit = stripe.Int64(2)
	var listed []string
	for cus, err := range sc.V1Customers.List(ctx, p).All(ctx) {
		if err != nil {
			t.Fatal(err)
		}
		listed = append(listed, cus.ID)
	}
	if len(listed) != 3 || listed[0] != made[2] || listed[2] != made[0] {
		t.Errorf("All() listed %v, made %v", listed, made)
	}
	cp := &stripe.ChargeCreateParams{Amount: stripe.Int64(1000), Currency: stripe.String("usd"), Customer: stripe.String(made[0])}
	cp.AddExpand("customer")
	ch, err := sc.V1Charges.Create(ctx, cp)
	if err != nil || ch.Customer == nil || ch.Customer.Email != "jenny@example.com" {
		t.Fatalf("expanded charge customer: %+v %v", ch, err)
	}
	if v := ch.LastResponse.Header.Get("Stripe-Version"); v != stripe.APIVersion {
		t.Errorf("Stripe-Version %q, stripe-go pins %q", v, stripe.APIVersion)
	}
}

func TestEmulatorRefusesNegativeBounds(t *testing.T) {
	s := newSandbox(t)
	for _, args := range [][]string{{"--max-objects", "-1"}, {"--expire-after", "-1h"}} {
		if r := s.expect(2, append([]string{"emulator", "--listen", "127.0.0.1:0"}, args...)...); !strings.Contains(r.errOut, "cannot be negative") {
			t.Errorf("%v: stderr = %s", args, r.errOut)
		}
	}
}
