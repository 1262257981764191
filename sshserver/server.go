// Package sshserver is `tokenscope serve`: an SSH server (charmbracelet/wish)
// that gives every session its own TUI, for onboarding rooms and shared
// jump hosts. Public-key authentication only; offline, each key has its
// own emulator and workspace; one state store serves every session.
package sshserver

import (
	"context"
	"crypto/sha256"
	"errors"
	"net"
	"sync"

	"github.com/charmbracelet/log"
	"github.com/charmbracelet/ssh"
	"github.com/charmbracelet/wish"

	"github.com/tokenscope/tokenscope/internal/quietlog"
)

// Server is a configured SSH server; Serve runs it.
type Server struct {
	cfg      Config
	srv      *ssh.Server
	log      *log.Logger
	sessions sessions
	windows  windows

	handshakes        handshakes
	refused, timedOut quietlog.Log // log lines of the handshake limits
	guestFaults       quietlog.Log // errors guests are told to ask about (tui.go)

	mu           sync.Mutex
	ln           net.Listener // what Serve serves, for Shutdown to close
	closed       bool
	keysReported [sha256.Size]byte // the authorized keys whose bad lines were logged
}

// New checks cfg and builds the server: host key (generated on first
// start), limits on connections that have not logged in yet, public-key
// auth, idle timeout, a window watched from each pty
// request on, and the middleware chain track → recheck → requirePTY →
// runTUI.
func New(cfg Config) (*Server, error) {
	if err := cfg.Check(); err != nil {
		return nil, err
	}
	s := &Server{cfg: cfg, log: cfg.logger()}
	if !cfg.Open {
		// Report the file's bad lines now rather than at the first login;
		// Check has made sure it can be read.
		_, _ = s.authorizedKeys()
	}
	if err := cfg.Service.OpenGuests(); err != nil {
		return nil, err
	}
	srv, err := wish.NewServer(
		wish.WithAddress(cfg.Listen),
		wish.WithHostKeyPath(cfg.HostKey),
		wish.WithPublicKeyAuth(s.publicKeyAuth),
		wish.WithIdleTimeout(cfg.IdleTimeout),
		func(srv *ssh.Server) error {
			srv.ConnCallback = s.admitConn
			srv.ServerConfigCallback = serverConfig
			srv.PtyHandler = s.ptyHandler(emulatePty())
			return nil
		},
		// Listed innermost first: wish wraps each around the ones before.
		wish.WithMiddleware(
			s.runTUI,
			s.requirePTY,
			s.recheck,
			s.track,
		),
	)
	if err != nil {
		return nil, err
	}
	s.srv = srv
	return s, nil
}

// HostKey is the SHA256 fingerprint of the server's host key, for users to
// check against what their ssh client shows on first connect.
func (s *Server) HostKey() string {
	if len(s.srv.HostSigners) == 0 {
		return ""
	}
	return Fingerprint(s.srv.HostSigners[0].PublicKey())
}

// Serve accepts connections on ln until Shutdown; it returns nil after a
// shutdown.
func (s *Server) Serve(ln net.Listener) error {
	s.mu.Lock()
	if s.closed { // Shutdown came first (a signal during startup)
		s.mu.Unlock()
		return ln.Close()
	}
	s.ln = ln
	s.mu.Unlock()
	err := s.srv.Serve(ln)
	if errors.Is(err, ssh.ErrServerClosed) || s.isClosed() {
		return nil
	}
	return err
}

func (s *Server) isClosed() bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.closed
}

// Shutdown tells every session the server is going away, lets their TUIs
// quit, and waits for the connections to end until ctx is done; then it
// closes whatever is left.
func (s *Server) Shutdown(ctx context.Context) error {
	s.mu.Lock()
	s.closed = true
	if s.ln != nil {
		// ssh.Server closes only listeners its Serve has reached; this one
		// may not have been yet.
		s.ln.Close()
	}
	s.mu.Unlock()
	s.sessions.close()
	err := s.srv.Shutdown(ctx)
	if err != nil {
		s.log.Warn("sessions still open at the deadline; closing them", "open", s.sessions.count())
		return errors.Join(err, s.srv.Close())
	}
	return nil
}
