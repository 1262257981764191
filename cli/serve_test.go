package cli

import (
	"bytes"
	"context"
	"crypto/ed25519"
	"crypto/rand"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	gossh "golang.org/x/crypto/ssh"
)

func TestServeRefusesOpenWithStripeKey(t *testing.T) {
	s := newSandbox(t)
	s.vars["STRIPE_API_KEY"] = "sk_test_" + strings.Repeat("k", 20) + "Wx12"
	r := s.expect(2, "serve", "--open")
	if !strings.Contains(r.errOut, "only with the offline backend") || strings.Contains(r.all(), "kkkkkkkk") {
		t.Fatalf("--open with a Stripe key:\n%s", r.all())
	}
	delete(s.vars, "STRIPE_API_KEY")
	r = s.expect(2, "serve", "--open", "--api-base", "http://127.0.0.1:12111")
	if !strings.Contains(r.errOut, "only with the offline backend") {
		t.Fatalf("--open with --api-base:\n%s", r.all())
	}
}

func TestServeRefusesRemoteListenWithoutKeys(t *testing.T) {
	s := newSandbox(t) // its HOME has no .ssh/authorized_keys
	r := s.expect(2, "serve", "--listen", "0.0.0.0:0")
	if !strings.Contains(r.errOut, "reachable from other machines") {
		t.Fatalf("non-loopback --listen without authorized keys:\n%s", r.all())
	}
}

// TestServeStopsCleanly: the server starts with the default authorized
// keys and host key paths, and SIGINT (a cancelled context) ends it with
// exit 0.
func TestServeStopsCleanly(t *testing.T) {
	s := newSandbox(t)
	ssh := filepath.Join(s.vars["HOME"], ".ssh")
	if err := os.MkdirAll(ssh, 0o700); err != nil {
		t.Fatal(err)
	}
	pub, _, err := ed25519.GenerateKey(rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	key, err := gossh.NewPublicKey(pub)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(ssh, "authorized_keys"), gossh.MarshalAuthorizedKey(key), 0o600); err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 500*time.Millisecond)
	defer cancel()
	var out, errOut bytes.Buffer
	code := Main(ctx, []string{"serve", "--listen", "127.0.0.1:0"}, strings.NewReader(""), &out, &errOut, func(k string) string { return s.vars[k] })
	if code != 0 {
		t.Fatalf("exit %d\n%s%s", code, out.String(), errOut.String())
	}
	if !strings.Contains(out.String(), "host key  SHA256:") {
		t.Fatalf("banner:\n%s", out.String())
	}
	info, err := os.Stat(filepath.Join(s.dir, "ssh_host_ed25519_key"))
	if err != nil || info.Mode().Perm() != 0o600 {
		t.Fatalf("host key in the state dir: %v %v", info, err)
	}
}
