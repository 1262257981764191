package service

import (
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strings"
	"time"

	"github.com/tokenscope/tokenscope/client"
	"github.com/tokenscope/tokenscope/emulator"
	"github.com/tokenscope/tokenscope/internal/netaddr"
	"github.com/tokenscope/tokenscope/model"
)

// BackendConfig is the backend a user chose: the offline emulator, the
// server at BaseURL, or Stripe's test mode with Key.
type BackendConfig struct {
	// Offline is the in-process emulator, its objects in the state dir
	// (tokenscope serve gives each guest its own).
	Offline bool
	// Key comes from STRIPE_API_KEY or --api-key-file only, never argv.
	Key string
	// BaseURL is --api-base without its trailing slash.
	BaseURL string
}

// remoteRetries is how often a request to a server other than the
// in-process emulator is retried after a network fault, a 409 or a 5xx.
const remoteRetries = 2

// ChooseBackend decides the backend from --offline, --api-base (already
// checked to be an http(s) URL) and the key: --offline, or neither a key
// nor a base URL, is the in-process emulator; a base URL is that server,
// with the key if there is one (a loopback server, stripe-mock or
// `tokenscope emulator`, may go without: the client then sends a
// placeholder sk_test_ key); a key alone is Stripe's test mode. The key
// guard itself is the client's, when the service builds it.
func ChooseBackend(offline bool, apiBase, key string) (BackendConfig, error) {
	switch {
	case offline || (key == "" && apiBase == ""):
		return BackendConfig{Offline: true}, nil
	case apiBase != "":
		if key == "" && !isLoopbackURL(apiBase) {
			return BackendConfig{}, fmt.Errorf("--api-base %s needs a key: set STRIPE_API_KEY or --api-key-file (only a loopback server may go without one)", apiBase)
		}
		return BackendConfig{Key: key, BaseURL: strings.TrimRight(apiBase, "/")}, nil
	}
	return BackendConfig{Key: key}, nil
}

// clientConfig is the client config of the backend: offline, an emulator
// keeping its objects in stateDir (returned too: events are followed
// through it).
func (b BackendConfig) clientConfig(stateDir string) (client.Config, *emulator.Emulator, error) {
	if !b.Offline {
		return client.Config{Key: b.Key, BaseURL: b.BaseURL, MaxRetries: remoteRetries}, nil, nil
	}
	emu, err := emulator.New(emulator.Options{Dir: stateDir})
	if err != nil {
		err = fmt.Errorf("start the offline emulator: %w", err)
		if model.LocalCodeOf(err) == model.CodeEmulatorCorrupt {
			// The state is readable without it: every request says why.
			return client.Config{Handler: emulator.Unavailable(err)}, nil, nil
		}
		return client.Config{}, nil, err
	}
	return client.Config{Handler: emu}, emu, nil
}

// isLoopbackURL: the URL's host is localhost or a loopback address.
func isLoopbackURL(raw string) bool {
	u, err := url.Parse(raw)
	if err != nil {
		return false
	}
	return netaddr.IsLoopback(u.Hostname())
}

// EmulatorServer is the offline emulator as a server: an HTTP handler,
// closed once it is no longer served.
type EmulatorServer interface {
	http.Handler
	io.Closer
}

// EmulatorOptions bound what `tokenscope emulator` keeps (0: no bound)
// and say where its store reports what it repaired at start.
type EmulatorOptions struct {
	MaxObjects  int           // the newest objects kept, and as many idempotency keys
	ExpireAfter time.Duration // objects created longer ago are dropped
	Logf        func(format string, args ...any)
	// AllowRemoteWebhooks lets webhook endpoints name URLs off loopback.
	AllowRemoteWebhooks bool
	// AllowCardNumbersInText takes text holding what reads as a card number.
	AllowCardNumbersInText bool
}

// Emulator is the offline emulator keeping its objects in the state dir,
// for `tokenscope emulator` to serve to other processes.
func (s *Service) Emulator(opts EmulatorOptions) (EmulatorServer, error) {
	keep := emulator.LogOptions{MaxObjects: opts.MaxObjects, ExpireAfter: opts.ExpireAfter, Logf: opts.Logf}
	emu, err := emulator.New(emulator.Options{Dir: s.cfg.StateDir, Keep: keep, AllowRemoteWebhooks: opts.AllowRemoteWebhooks,
		AllowCardNumbersInText: opts.AllowCardNumbersInText})
	if err != nil {
		return nil, err
	}
	return emu, nil
}
