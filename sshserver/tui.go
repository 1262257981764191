package sshserver

import (
	"context"
	"strings"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/ssh"
	"github.com/charmbracelet/wish"
	"github.com/charmbracelet/wish/bubbletea"

	"github.com/tokenscope/tokenscope/client"
	"github.com/tokenscope/tokenscope/ui"
)

// program builds the TUI of one session: its own lipgloss renderer (so its
// colour profile is its terminal's), its own size, and a client.Session on
// the shared state. nil (after telling the user why) ends the session.
func (s *Server) program(sess ssh.Session) *tea.Program {
	cs, release, err := s.clientSession(sess.PublicKey())
	if err != nil {
		s.log.Error("session backend", "key", Fingerprint(sess.PublicKey()), "err", err)
		wish.Fatalln(sess, "tokenscope: cannot start the backend for this session")
		return nil
	}
	// The connection's context ends when it closes, after its sessions.
	context.AfterFunc(sess.Context(), release)
	// The program's own context ends with the session (sessions.leave),
	// which may come before the connection's.
	ctx, cancel := context.WithCancel(sess.Context())
	pty, _, _ := sess.Pty()
	opts := ui.Options{
		Session:  cs,
		Renderer: bubbletea.MakeRenderer(sess),
		Output:   sess,
		Width:    pty.Window.Width,
		Height:   pty.Window.Height,
		Inline:   s.cfg.Inline,
		NoColor:  s.cfg.NoColor || hasEnv(sess.Environ(), "NO_COLOR"),
		FPS:      s.cfg.FPS,
		Context:  ctx,
		// ScenarioDir stays "": the picker offers the built-in packs,
		// never the server's own *.hcl files.
	}
	// No tea.WithContext: the middleware quits the program when the
	// client hangs up; a context would kill it and log an error instead.
	progOpts := bubbletea.MakeOptions(sess)
	if !opts.Inline {
		progOpts = append(progOpts, tea.WithAltScreen())
	}
	if opts.FPS > 0 {
		progOpts = append(progOpts, tea.WithFPS(opts.FPS))
	}
	p := tea.NewProgram(ui.New(opts), progOpts...)
	s.sessions.run(sess, p, cancel)
	return p
}

// clientSession is the backend and workspace of a session, and what to
// call when the session is over. Offline, every session gets its own
// client (so its own request log) on its SSH key's own emulator, and the
// key's own workspace, "offline:SHA256:…", so attendees never see each
// other's tokens, nor reach them by id. With a Stripe key or --api-base
// there is one client for all, and the key never leaves the server: the
// header shows ••••last4 only.
func (s *Server) clientSession(key ssh.PublicKey) (*client.Session, func(), error) {
	if !s.cfg.Offline {
		return &client.Session{API: s.shared, Store: s.cfg.Store}, func() {}, nil
	}
	emu, release, err := s.emus.acquire(key)
	if err != nil {
		return nil, nil, err
	}
	api, err := client.New(client.Config{Handler: emu})
	if err != nil {
		release()
		return nil, nil, err
	}
	return &client.Session{API: api, Store: s.cfg.Store, Workspace: Workspace(key)}, release, nil
}

// Workspace is the offline workspace of an SSH key.
func Workspace(key ssh.PublicKey) string {
	return string(client.Offline) + ":" + Fingerprint(key)
}

// hasEnv reports whether name is set to something in env ("NAME=x"): as
// no-color.org has it, NO_COLOR counts when present and not empty, as it
// does for the local TUI.
func hasEnv(env []string, name string) bool {
	for _, kv := range env {
		if v, ok := strings.CutPrefix(kv, name+"="); ok && v != "" {
			return true
		}
	}
	return false
}
