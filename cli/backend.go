package cli

import (
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"strings"

	"github.com/tokenscope/tokenscope/client"
	"github.com/tokenscope/tokenscope/emulator"
	"github.com/tokenscope/tokenscope/internal/netaddr"
	"github.com/tokenscope/tokenscope/model/state"
)

// stateDir is --state-dir, else TOKENSCOPE_STATE_DIR, else
// $XDG_STATE_HOME/tokenscope, else ~/.local/state/tokenscope.
func (a *app) stateDir() (string, error) {
	if d := a.global.stateDir; d != "" {
		return d, nil
	}
	if d := a.getenv("TOKENSCOPE_STATE_DIR"); d != "" {
		return d, nil
	}
	if d := a.getenv("XDG_STATE_HOME"); d != "" {
		return filepath.Join(d, "tokenscope"), nil
	}
	home := a.getenv("HOME")
	if home == "" {
		var err error
		if home, err = os.UserHomeDir(); err != nil {
			return "", fmt.Errorf("no state dir: set --state-dir or TOKENSCOPE_STATE_DIR (%v)", err)
		}
	}
	return filepath.Join(home, ".local", "state", "tokenscope"), nil
}

// apiKey reads the key from --api-key-file, else STRIPE_API_KEY. A key
// file others can read is used, with a warning: on a jump host it should
// be 0600.
func (a *app) apiKey() (string, error) {
	if f := a.global.keyFile; f != "" {
		info, err := os.Stat(f)
		if err != nil {
			return "", usagef("tokenscope", "--api-key-file: %v", err)
		}
		if info.Mode().Perm()&0o077 != 0 {
			fmt.Fprintf(a.stderr, "Warning: %s is readable by other users (mode %04o); chmod 600 it.\n", f, info.Mode().Perm())
		}
		data, err := os.ReadFile(f)
		if err != nil {
			return "", usagef("tokenscope", "--api-key-file: %v", err)
		}
		return strings.TrimSpace(string(data)), nil
	}
	return strings.TrimSpace(a.getenv("STRIPE_API_KEY")), nil
}

// clientConfig is the chosen backend's client config: for the offline
// backend, an emulator keeping its objects in stateDir.
func (a *app) clientConfig(stateDir string) (client.Config, error) {
	remote, offline, err := a.chooseBackend()
	if err != nil || !offline {
		return remote, err
	}
	emu, err := emulator.New(emulator.Options{Dir: stateDir})
	if err != nil {
		return client.Config{}, fmt.Errorf("start the offline emulator: %w", err)
	}
	return client.Config{Handler: emu}, nil
}

// chooseBackend reads the flags and the key: --offline, or no key and no
// --api-base, is the in-process emulator (offline, left to the caller to
// start: serve starts one per SSH key); --api-base is that server, with the
// key if there is one (a loopback server, stripe-mock or `tokenscope
// emulator`, may go without: the client then sends a placeholder sk_test_
// key); a key alone is Stripe's test mode. The key guard itself is
// client.New's.
func (a *app) chooseBackend() (remote client.Config, offline bool, err error) {
	base := a.global.apiBase
	if base != "" {
		if err := checkAPIBase(base); err != nil {
			return client.Config{}, false, usagef("tokenscope", "%v", err)
		}
	}
	key, err := a.apiKey()
	if err != nil {
		return client.Config{}, false, err
	}
	switch {
	case a.global.offline || (key == "" && base == ""):
		return client.Config{}, true, nil
	case base != "":
		if key == "" && !isLoopbackURL(base) {
			return client.Config{}, false, usagef("tokenscope", "--api-base %s needs a key: set STRIPE_API_KEY or --api-key-file (only a loopback server may go without one)", base)
		}
		return client.Config{Key: key, BaseURL: strings.TrimRight(base, "/"), MaxRetries: 2}, false, nil
	}
	return client.Config{Key: key, MaxRetries: 2}, false, nil
}

// api builds the client for the chosen backend on first use.
func (a *app) api() (client.API, error) {
	if a.client != nil {
		return a.client, nil
	}
	dir, err := a.stateDir()
	if err != nil {
		return nil, err
	}
	cfg, err := a.clientConfig(dir)
	if err != nil {
		return nil, err
	}
	c, err := client.New(cfg)
	if err != nil {
		return nil, err
	}
	a.client = c
	return c, nil
}

// session is the client plus the state store, built on first use.
func (a *app) session() (*client.Session, error) {
	if a.sess != nil {
		return a.sess, nil
	}
	api, err := a.api()
	if err != nil {
		return nil, err
	}
	store, err := a.store()
	if err != nil {
		return nil, err
	}
	a.sess = &client.Session{API: api, Store: store}
	return a.sess, nil
}

// store opens the state in the state dir, saying so on stderr when another
// tokenscope holds the lock (the lock names user@host itself).
func (a *app) store() (*state.Store, error) {
	dir, err := a.stateDir()
	if err != nil {
		return nil, err
	}
	// --lock-timeout 0s fails at once, as Terraform's -lock-timeout=0s;
	// state.Options says that with a negative timeout (its 0 is the default).
	timeout := a.global.lockTimeout
	if timeout == 0 {
		timeout = -1
	}
	return state.Open(state.Options{
		Dir:         dir,
		MaxTokens:   a.global.maxTokens,
		LockTimeout: timeout,
		OnWait: func() {
			fmt.Fprintln(a.stderr, "Acquiring state lock. This may take a few moments...")
		},
	})
}

// workspace is the state workspace of the chosen backend.
func (a *app) workspace() (*client.Session, *state.Workspace, error) {
	sess, err := a.session()
	if err != nil {
		return nil, nil, err
	}
	st, err := sess.Store.Load()
	if err != nil {
		return nil, nil, err
	}
	return sess, st.Workspace(sess.WorkspaceName()), nil
}

// checkAPIBase refuses an --api-base the client could only fail on later,
// with a less helpful error: it must be an http or https URL with a host.
func checkAPIBase(raw string) error {
	u, err := url.Parse(raw)
	if err != nil || u.Scheme == "" || u.Hostname() == "" {
		return fmt.Errorf("--api-base %s is not a URL: want http://host:port or https://host", raw)
	}
	if s := strings.ToLower(u.Scheme); s != "http" && s != "https" {
		return fmt.Errorf("--api-base %s: only http and https are spoken, not %s", raw, u.Scheme)
	}
	return nil
}

// isLoopbackURL: the URL's host is localhost or a loopback address.
func isLoopbackURL(raw string) bool {
	u, err := url.Parse(raw)
	if err != nil {
		return false
	}
	return netaddr.IsLoopback(u.Hostname())
}
