package cli

import (
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/tokenscope/tokenscope/internal/stripemock"
	"github.com/tokenscope/tokenscope/internal/testbin"
)

// The create+get budget (README, Figures): headless create then get against the
// same stripe-mock takes at most half the Stripe CLI's wall time. Both
// benchmarks start fresh processes every iteration, because that is what a
// person at a shell prompt waits for: start-up, the request, the output.
//
//	go test -run '^$' -bench CreateGet -benchtime 20x ./cli/
//
// The Stripe CLI is found through $STRIPE_CLI, else as "stripe" on PATH; it
// is on npm as @stripe/cli (the binary is in @stripe/cli-linux-x64/bin).

// compareKey is a test key both tools accept: the Stripe CLI wants at least
// 12 characters, stripe-mock any sk_test_.
const compareKey = "sk_test_1234567890"

func BenchmarkCreateGetTokenscope(b *testing.B) {
	base := stripemock.Start(b)
	bin := testbin.Build(b, ".") // outside the timed loop
	env := benchEnv(b, "TOKENSCOPE_STATE_DIR="+b.TempDir())
	b.ResetTimer()
	for b.Loop() {
		id := tokenID(b, runProc(b, env, bin, "--api-base", base, "create", "card", "--preset", "visa", "--json"))
		if got := tokenID(b, runProc(b, env, bin, "--api-base", base, "get", id, "--json")); got != id {
			b.Fatalf("get %s returned %s", id, got)
		}
	}
}

func BenchmarkCreateGetStripeCLI(b *testing.B) {
	stripe := os.Getenv("STRIPE_CLI")
	if stripe == "" {
		var err error
		if stripe, err = exec.LookPath("stripe"); err != nil {
			b.Skip("the Stripe CLI is not installed: set STRIPE_CLI or put stripe on PATH (npm install @stripe/cli)")
		}
	}
	base := stripemock.Start(b)
	// A HOME of its own: the CLI reads and writes ~/.config/stripe. Without
	// the telemetry opt-out it resolves r.stripe.com on every command; with
	// it, its only connection is to the loopback stripe-mock.
	env := benchEnv(b, "HOME="+b.TempDir(), "XDG_CONFIG_HOME=", "STRIPE_CLI_TELEMETRY_OPTOUT=1")
	b.ResetTimer()
	for b.Loop() {
		id := tokenID(b, runProc(b, env, stripe, "tokens", "create", "--api-base", base,
			"-d", "card[number]=4242424242424242", "-d", "card[exp_month]=12", "-d", "card[exp_year]=2034", "-d", "card[cvc]=123"))
		if got := tokenID(b, runProc(b, env, stripe, "tokens", "retrieve", id, "--api-base", base)); got != id {
			b.Fatalf("retrieve %s returned %s", id, got)
		}
	}
}

// benchEnv is the environment without the caller's Stripe or tokenscope
// settings, with the test key and the given additions.
func benchEnv(b *testing.B, extra ...string) []string {
	b.Helper()
	var env []string
	for _, kv := range os.Environ() {
		name, _, _ := strings.Cut(kv, "=")
		if strings.HasPrefix(name, "STRIPE_") || strings.HasPrefix(name, "TOKENSCOPE_") {
			continue
		}
		env = append(env, kv)
	}
	return append(append(env, "STRIPE_API_KEY="+compareKey), extra...)
}

// runProc runs one command to completion and returns its stdout.
func runProc(b *testing.B, env []string, name string, args ...string) []byte {
	b.Helper()
	cmd := exec.Command(name, args...)
	cmd.Env = env
	out, err := cmd.Output()
	if err != nil {
		var stderr []byte
		if ee, ok := err.(*exec.ExitError); ok {
			stderr = ee.Stderr
		}
		b.Fatalf("%s %s: %v\n%s", filepath.Base(name), strings.Join(args, " "), err, stderr)
	}
	return out
}

// tokenID reads the id of the token a command printed as JSON.
func tokenID(b *testing.B, out []byte) string {
	b.Helper()
	var tok struct {
		ID string `json:"id"`
	}
	if err := json.Unmarshal(out, &tok); err != nil || !strings.HasPrefix(tok.ID, "tok_") {
		b.Fatalf("want a token as JSON, got %v:\n%s", err, out)
	}
	return tok.ID
}
