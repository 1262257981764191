package sshserver

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"strings"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/ssh"
	"github.com/charmbracelet/wish"
	gossh "golang.org/x/crypto/ssh"

	"github.com/tokenscope/tokenscope/ui"
)

// quitGrace is how long a session's TUI gets to quit once its client has
// gone before it is killed, and how long after that before its connection
// is closed under it.
const quitGrace = 2 * time.Second

// runTUI is the innermost middleware: it runs the session's TUI, hands it
// the client's last window size whenever there is a new one, and ends it
// when the client goes. Neither side waits on the other: the SSH side
// only records sizes (see window), and every wait on the program is
// bounded. (wish's bubbletea middleware sends each window change to the
// program itself, and so stops the connection while the program is not
// reading, as it is not while the terminal queries wait for replies.)
func (s *Server) runTUI(next ssh.Handler) ssh.Handler {
	return func(sess ssh.Session) {
		win := s.windows.get(sess)
		if win == nil { // its requests have ended: the client is gone
			return
		}
		in := newInput(sess)
		defer in.stop()
		p := s.program(sess, win, in)
		if p == nil {
			return
		}
		ran := make(chan struct{})
		go s.forwardSizes(sess, p, win, ran)
		go endWhenGone(sess, p, win, ran)
		if _, err := p.Run(); err != nil && !errors.Is(err, tea.ErrProgramKilled) {
			s.log.Error("session TUI", append(who(sess), "err", err)...)
		}
		close(ran)
		p.Kill() // restores nothing on a pty-less program; frees its goroutines
		next(sess)
	}
}

// forwardSizes gives p the window's size each time it changes, until p
// has run; the first time the size is clamped it says so, in the status
// line and in the log.
func (s *Server) forwardSizes(sess ssh.Session, p *tea.Program, win *window, ran <-chan struct{}) {
	told := false
	for {
		select {
		case <-ran:
			return
		case <-win.news:
		}
		w, h, asked := win.current()
		// Send returns once p has the message or has ended.
		p.Send(tea.WindowSizeMsg{Width: w, Height: h})
		if asked != "" && !told {
			told = true
			s.log.Warn("terminal size clamped", append(who(sess), "asked", asked, "drawn", fmt.Sprintf("%dx%d", w, h))...)
			p.Send(ui.StatusMsg(fmt.Sprintf("your terminal is %s; this server draws at most %dx%d", asked, maxWidth, maxHeight)))
		}
	}
}

// endWhenGone quits p once its session's connection or channel has
// closed; a program that does not quit within quitGrace is killed, and one
// still running quitGrace after that has its connection closed under it,
// which ends any write it is blocked in.
func endWhenGone(sess ssh.Session, p *tea.Program, win *window, ran <-chan struct{}) {
	select {
	case <-ran:
		return
	case <-sess.Context().Done():
	case <-win.gone:
	}
	go p.Quit() // returns once p reads it or has ended
	for _, stop := range []func(){p.Kill, func() { closeConn(sess) }} {
		select {
		case <-ran:
			return
		case <-time.After(quitGrace):
		}
		stop()
	}
}

func closeConn(sess ssh.Session) {
	if c, ok := sess.Context().Value(ssh.ContextKeyConn).(gossh.Conn); ok {
		_ = c.Close()
	}
}

// program builds the TUI of one session: its own lipgloss renderer (so its
// colour profile is its terminal's), its own size, its keyboard in, and a
// service session on the shared state. nil (after telling the user why)
// ends the session.
func (s *Server) program(sess ssh.Session, win *window, in *input) *tea.Program {
	cs, release, err := s.cfg.Service.Guest(Fingerprint(sess.PublicKey()), KeyDir(sess.PublicKey()))
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
	width, height, _ := win.current()
	opts := ui.Options{
		Session:  cs,
		Renderer: renderer(sess, in, win.term, sess.Environ()),
		Output:   sess,
		Width:    width,
		Height:   height,
		Inline:   s.cfg.Inline,
		NoColor:  s.cfg.NoColor || hasEnv(sess.Environ(), "NO_COLOR"),
		FPS:      s.cfg.FPS,
		Context:  ctx,
		// A guest has no shell here: m and x copy and show what they
		// would write, and errors name no server path or command.
		Guest: true,
		// ScenarioDir stays "": the picker offers the built-in packs,
		// never the server's own *.hcl files.
	}
	// A guest told to ask whoever runs tokenscope serve (a corrupt state,
	// a full disk) is told nothing that user could act on: the log is.
	opts.OnGuestFault = func(code, message string) {
		s.guestFaults.Warn(s.log, "guest error", append(who(sess), "code", code, "err", message)...)
	}
	// No tea.WithContext: runTUI quits the program when the client hangs
	// up; a context would kill it and log an error instead.
	progOpts := []tea.ProgramOption{tea.WithInput(in), tea.WithOutput(sess)}
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

// KeyDir is the directory name of key's offline emulator under
// <state dir>/serve: the hex of the SHA-256 its fingerprint encodes in
// base64 ("SHA256:…" has '/' and '+', and case-insensitive file systems
// would fold base64).
func KeyDir(key ssh.PublicKey) string {
	sum := sha256.Sum256(key.Marshal())
	return hex.EncodeToString(sum[:])
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
