package sshserver

import (
	"context"
	"fmt"
	"sync"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/ssh"
	"github.com/charmbracelet/wish"
)

// sessions are the sessions running now, so that the limit can be kept
// and shutdown can tell each of them to quit.
type sessions struct {
	mu      sync.Mutex
	live    map[ssh.Session]tui // zero: not in the TUI yet
	closing bool
}

// tui is a session's program and what ends the context its requests run
// under.
type tui struct {
	p      *tea.Program
	cancel context.CancelFunc
}

// enter admits sess unless the server is full or closing.
func (ss *sessions) enter(sess ssh.Session, max int) error {
	ss.mu.Lock()
	defer ss.mu.Unlock()
	switch {
	case ss.closing:
		return fmt.Errorf("the server is shutting down")
	case max > 0 && len(ss.live) >= max:
		return fmt.Errorf("the server is full (%d sessions); try again later", max)
	}
	if ss.live == nil {
		ss.live = map[ssh.Session]tui{}
	}
	ss.live[sess] = tui{}
	return nil
}

// run records the TUI program of sess and the cancel of its context; if
// shutdown has begun meanwhile the program is told to quit at once.
func (ss *sessions) run(sess ssh.Session, p *tea.Program, cancel context.CancelFunc) {
	ss.mu.Lock()
	defer ss.mu.Unlock()
	ss.live[sess] = tui{p: p, cancel: cancel}
	if ss.closing {
		go p.Quit()
	}
}

// leave forgets sess and cancels whatever its program still has in
// flight: the connection, and so its context, may outlive the session.
func (ss *sessions) leave(sess ssh.Session) {
	ss.mu.Lock()
	defer ss.mu.Unlock()
	if c := ss.live[sess].cancel; c != nil {
		c()
	}
	delete(ss.live, sess)
}

// close refuses new sessions and asks every running TUI to quit. Each
// session then prints the goodbye (see track) and ends; the state needs
// no saving, every write was saved when it was made.
func (ss *sessions) close() {
	ss.mu.Lock()
	defer ss.mu.Unlock()
	ss.closing = true
	for _, t := range ss.live {
		if t.p != nil {
			go t.p.Quit() // Quit blocks until the program reads it
		}
	}
}

func (ss *sessions) isClosing() bool {
	ss.mu.Lock()
	defer ss.mu.Unlock()
	return ss.closing
}

// count is the number of sessions running now.
func (ss *sessions) count() int {
	ss.mu.Lock()
	defer ss.mu.Unlock()
	return len(ss.live)
}

// track is the outermost middleware: it keeps the session limit, logs the
// connect and the disconnect (user, remote address, key fingerprint,
// duration; never a secret), and says goodbye on shutdown.
func (s *Server) track(next ssh.Handler) ssh.Handler {
	return func(sess ssh.Session) {
		who := who(sess)
		if err := s.sessions.enter(sess, s.cfg.MaxSessions); err != nil {
			s.log.Warn("session refused", append(who, "reason", err.Error())...)
			wish.Fatalln(sess, "tokenscope: "+err.Error())
			return
		}
		start := time.Now()
		term := ""
		if win := s.windows.get(sess); win != nil {
			term = win.term
		}
		s.log.Info("connect", append(who, "term", term)...)
		defer func() {
			s.sessions.leave(sess)
			s.log.Info("disconnect", append(who, "duration", time.Since(start).Round(time.Millisecond))...)
		}()
		next(sess)
		if s.sessions.isClosing() {
			wish.Println(sess, "tokenscope: server shutting down. Your tokens are saved; connect again later.")
		}
	}
}

// who names a session in a log line: user, remote address, key
// fingerprint.
func who(sess ssh.Session) []any {
	return []any{"user", sess.User(), "remote", sess.RemoteAddr().String(), "key", Fingerprint(sess.PublicKey())}
}

// requirePTY ends a session that asked for no pty (`ssh host cmd`, or ssh
// with input that is not a terminal) with what to do instead: wish's own
// activeterm says only "Requires an active PTY".
func (s *Server) requirePTY(next ssh.Handler) ssh.Handler {
	return func(sess ssh.Session) {
		if s.windows.get(sess) == nil {
			wish.Fatalln(sess, "tokenscope needs a terminal: connect with ssh -t (a PTY is required; commands are not run)")
			return
		}
		next(sess)
	}
}
