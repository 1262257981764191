package sshserver

import (
	"fmt"
	"sync"

	"github.com/charmbracelet/ssh"
)

// The largest terminal a session's TUI draws in: a frame costs memory and
// bandwidth in proportion to its cells, and a client may claim any size.
const (
	maxWidth  = 500
	maxHeight = 200
)

// window is the size a session's client asked for last. The SSH side
// hands every window-change to the session's single request loop, which
// stops reading the whole connection while a hand-off blocks; so sizes
// are taken from it at once, from the pty request on, and only the last
// one is kept for the TUI to pick up when it can.
type window struct {
	term string // TERM, as the pty request gave it

	mu   sync.Mutex
	size ssh.Window
	news chan struct{} // holds a token while size has not been picked up
	gone chan struct{} // closed when the session's requests end
}

func newWindow(term string) *window {
	return &window{term: term, news: make(chan struct{}, 1), gone: make(chan struct{})}
}

func (w *window) set(size ssh.Window) {
	w.mu.Lock()
	w.size = size
	w.mu.Unlock()
	select {
	case w.news <- struct{}{}:
	default: // a change not yet picked up: it will find this size
	}
}

// current is the last size asked for, clamped to maxWidth x maxHeight,
// and the size asked for when that was more.
func (w *window) current() (width, height int, clamped string) {
	w.mu.Lock()
	size := w.size
	w.mu.Unlock()
	width, height = clampSize(size.Width, maxWidth), clampSize(size.Height, maxHeight)
	if width != size.Width || height != size.Height {
		clamped = fmt.Sprintf("%dx%d", size.Width, size.Height)
	}
	return width, height, clamped
}

func clampSize(n, limit int) int {
	return min(max(n, 0), limit)
}

// windows are the windows of the sessions that asked for a pty, until
// their requests end. The middleware asks here, not sess.Pty(): that
// copies the pty while the request loop writes each new size into it.
type windows struct {
	mu sync.Mutex
	of map[ssh.Session]*window
}

// watch takes every size sent on winch into a new window of sess, until
// winch is closed (the session's requests have ended).
func (ws *windows) watch(sess ssh.Session, term string, winch <-chan ssh.Window) {
	w := newWindow(term)
	ws.mu.Lock()
	if ws.of == nil {
		ws.of = map[ssh.Session]*window{}
	}
	ws.of[sess] = w
	ws.mu.Unlock()
	go func() {
		for size := range winch {
			w.set(size)
		}
		close(w.gone)
		ws.mu.Lock()
		delete(ws.of, sess)
		ws.mu.Unlock()
	}()
}

// get is the window of sess; nil if it asked for no pty or has ended.
func (ws *windows) get(sess ssh.Session) *window {
	ws.mu.Lock()
	defer ws.mu.Unlock()
	return ws.of[sess]
}

// ptyHandler emulates the pty as the server always has (the TUI writes to
// the channel; no pty device) and starts watching the session's sizes the
// moment its pty is granted.
func (s *Server) ptyHandler(emulate ssh.PtyHandler) ssh.PtyHandler {
	return func(ctx ssh.Context, sess ssh.Session, pty ssh.Pty) (func() error, error) {
		closer, err := emulate(ctx, sess, pty)
		if err != nil {
			return nil, err
		}
		if _, winch, ok := sess.Pty(); ok {
			s.windows.watch(sess, pty.Term, winch)
		}
		return closer, nil
	}
}

// emulatePty is charmbracelet/ssh's own pty handler, which it offers only
// as a server option.
func emulatePty() ssh.PtyHandler {
	var srv ssh.Server
	_ = ssh.EmulatePty()(&srv)
	return srv.PtyHandler
}
