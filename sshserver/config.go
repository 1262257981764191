package sshserver

import (
	"errors"
	"fmt"
	"net"
	"os"
	"time"

	"github.com/charmbracelet/log"

	"github.com/tokenscope/tokenscope/internal/netaddr"
	"github.com/tokenscope/tokenscope/service"
)

// Config is everything `tokenscope serve` decides before the server starts.
type Config struct {
	// Listen is the address to listen on, e.g. "127.0.0.1:2222". Only a
	// loopback address may go without authorized keys (or --open).
	Listen string
	// AuthorizedKeys is an OpenSSH authorized_keys file. It is read again
	// on every login and again when a session starts, so a key removed
	// from it is refused from then on without a restart.
	AuthorizedKeys string
	// HostKey is the server's private key file; made (ed25519, 0600) if
	// missing.
	HostKey string
	// Open admits any public key. Allowed only with the offline backend,
	// where no secret is at stake: every key gets its own emulator.
	Open bool
	// MaxSessions refuses sessions beyond this many at once (0: no limit).
	MaxSessions int
	// IdleTimeout closes a connection that sent and received nothing this
	// long (0: never).
	IdleTimeout time.Duration
	// HandshakeTimeout closes a connection that has not logged in this
	// long after it was accepted (0: never; `serve` uses
	// DefaultHandshakeTimeout).
	HandshakeTimeout time.Duration
	// MaxHandshakes refuses connections while this many have not logged
	// in yet, and MaxHandshakesPerIP while this many from the same remote
	// IP have not (0: no limit; `serve` uses the Default values).
	MaxHandshakes, MaxHandshakesPerIP int
	// Service is the backend and the state, shared by all sessions (the
	// state locks every write). Offline, every SSH key gets its own
	// in-process emulator, its objects in <state dir>/serve/<KeyDir>/, and
	// its own workspace, so no attendee can reach another's tokens, not
	// even by id; otherwise one client, its key kept on the server, serves
	// all sessions.
	Service *service.Service
	// Inline, FPS and NoColor are the TUI's --inline, --fps and
	// --no-color for every session; a session whose client sends NO_COLOR
	// gets no colour either.
	Inline  bool
	FPS     int
	NoColor bool
	// Log receives a line per connect, disconnect and refusal; nil logs
	// to stderr. It never receives a secret.
	Log *log.Logger
}

// Check refuses configurations that would expose something: --open with a
// real backend (its key would serve anyone), and a non-loopback address
// with nobody to check keys against.
func (c Config) Check() error {
	if c.Service == nil {
		return errors.New("serve: no service")
	}
	if c.Service.Offline() && c.Service.StateDir() == "" {
		return errors.New("serve: no state dir for the offline emulators")
	}
	host, _, err := net.SplitHostPort(c.Listen)
	if err != nil {
		return fmt.Errorf("--listen %s: %v", c.Listen, err)
	}
	if c.Open {
		if !c.Service.Offline() {
			return errors.New("--open admits any SSH key, so it is allowed only with the offline backend: unset STRIPE_API_KEY and --api-base, or pass --offline")
		}
		return nil
	}
	if c.AuthorizedKeys == "" {
		return errors.New("no --authorized-keys file: name one, or pass --open (offline backend only) to admit any key")
	}
	n, err := countKeys(c.AuthorizedKeys)
	switch {
	case err != nil && !netaddr.IsLoopback(host):
		return fmt.Errorf("--listen %s is reachable from other machines, and --authorized-keys cannot be read: %v", c.Listen, err)
	case err != nil:
		return fmt.Errorf("--authorized-keys: %v (or pass --open, offline backend only, to admit any key)", err)
	case n == 0:
		return fmt.Errorf("--authorized-keys %s holds no public key", c.AuthorizedKeys)
	}
	return nil
}

func (c Config) logger() *log.Logger {
	if c.Log != nil {
		return c.Log
	}
	return log.NewWithOptions(os.Stderr, log.Options{ReportTimestamp: true, Prefix: "tokenscope serve"})
}
