package cli

import (
	"net/url"
	"strings"
	"testing"
)

// TestBadAPIBaseIsUsage: an --api-base that is no http(s) URL is bad usage
// (exit 2) that says so, not a connection error (ftp://) or a missing key
// (notaurl).
func TestBadAPIBaseIsUsage(t *testing.T) {
	s := newSandbox(t)
	for base, want := range map[string]string{
		"ftp://127.0.0.1:1": "only http and https",
		"notaurl":           "not a URL",
		"http://":           "not a URL",
		"http://[::1":       "not a URL",
	} {
		r := s.expect(2, "--api-base", base, "get", "tok_visa")
		if !strings.Contains(r.errOut, "--api-base") || !strings.Contains(r.errOut, want) {
			t.Errorf("--api-base %s: want %q in\n%s", base, want, r.errOut)
		}
	}
}

var apiBaseSeeds = []string{
	"http://127.0.0.1:12111", "https://api.stripe.com", "http://localhost:12111/",
	"HTTP://127.0.0.1", "ftp://127.0.0.1:1", "notaurl", "http://", "://x", "http://[::1",
	"127.0.0.1:12111", "http:///path", "https://user@host/x", "",
}

// FuzzCheckAPIBase: whatever checkAPIBase accepts is an http(s) URL with a
// host, which is what the client's BaseURL needs.
func FuzzCheckAPIBase(f *testing.F) {
	for _, s := range apiBaseSeeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, raw string) {
		if checkAPIBase(raw) != nil {
			return
		}
		u, err := url.Parse(raw)
		if err != nil {
			t.Fatalf("accepted %q, which url.Parse refuses: %v", raw, err)
		}
		if s := strings.ToLower(u.Scheme); (s != "http" && s != "https") || u.Hostname() == "" {
			t.Fatalf("accepted %q: scheme %q, host %q", raw, u.Scheme, u.Hostname())
		}
	})
}
