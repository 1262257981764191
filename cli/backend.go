package cli

import (
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"strings"

	"github.com/tokenscope/tokenscope/service"
	"github.com/tokenscope/tokenscope/views"
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

// chooseBackend reads the flags and the key and lets the service decide
// the backend (service.ChooseBackend); whatever it refuses is bad usage.
func (a *app) chooseBackend() (service.BackendConfig, error) {
	base := a.global.apiBase
	if base != "" {
		if err := checkAPIBase(base); err != nil {
			return service.BackendConfig{}, usagef("tokenscope", "%v", err)
		}
	}
	key, err := a.apiKey()
	if err != nil {
		return service.BackendConfig{}, err
	}
	b, err := service.ChooseBackend(a.global.offline, base, key)
	if err != nil {
		return service.BackendConfig{}, usagef("tokenscope", "%v", err)
	}
	return b, nil
}

// service is the service on the chosen backend, built on first use; it
// starts the emulator or checks the key only when a command needs them.
func (a *app) service() (*service.Service, error) {
	if a.svc != nil {
		return a.svc, nil
	}
	dir, err := a.stateDir()
	if err != nil {
		return nil, err
	}
	b, err := a.chooseBackend()
	if err != nil {
		return nil, err
	}
	a.svc = service.New(a.serviceConfig(dir, b))
	return a.svc, nil
}

// stateService is a service for the commands that need no backend (state
// pull, force-unlock, emulator): they neither read the key nor build a
// client, so they work whatever the backend flags say.
func (a *app) stateService() (*service.Service, error) {
	dir, err := a.stateDir()
	if err != nil {
		return nil, err
	}
	return service.New(a.serviceConfig(dir, service.BackendConfig{})), nil
}

// serviceConfig is the state in dir as the global flags have it, saying so
// on stderr when another tokenscope holds the lock (the lock names
// user@host itself).
func (a *app) serviceConfig(dir string, b service.BackendConfig) service.Config {
	// --lock-timeout 0s fails at once, as Terraform's -lock-timeout=0s;
	// the service says that with a negative timeout (its 0 is the default).
	timeout := a.global.lockTimeout
	if timeout == 0 {
		timeout = -1
	}
	return service.Config{
		Backend:     b,
		StateDir:    dir,
		MaxTokens:   a.global.maxTokens,
		LockTimeout: timeout,
		OnLockWait:  func() { a.say("Acquiring state lock. This may take a few moments...") },
		OnRecover:   func(r service.Recovery) { a.say(views.CleanLines(r.Text())) },
	}
}

// say tells the user what the service is doing: on stderr, or in the
// TUI's status line while it runs.
func (a *app) say(text string) {
	if a.notice != nil {
		a.notice(text)
		return
	}
	fmt.Fprintln(a.stderr, text)
}

// session is the service's session on the chosen backend.
func (a *app) session() (*service.Session, error) {
	svc, err := a.service()
	if err != nil {
		return nil, err
	}
	return svc.Session()
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
