package sshserver

import (
	"io"
	"os"
	"time"
)

// input is a session's keyboard, read by one goroutine, so that a reader
// that stops waiting (the terminal query, at its timeout) leaves what
// arrives later to the next one (the TUI) instead of a read nobody can
// cancel: an SSH channel, unlike a tty, has no deadline.
type input struct {
	chunks chan []byte   // closed when the channel's input ends
	done   chan struct{} // closed by stop: nobody reads any more
	rest   []byte        // the part of a chunk not read yet
	err    error         // why chunks was closed
}

func newInput(r io.Reader) *input {
	in := &input{chunks: make(chan []byte), done: make(chan struct{})}
	go in.pump(r)
	return in
}

func (in *input) pump(r io.Reader) {
	defer close(in.chunks)
	for {
		buf := make([]byte, 4096)
		n, err := r.Read(buf)
		if n > 0 {
			select {
			case in.chunks <- buf[:n]:
			case <-in.done:
				return
			}
		}
		if err != nil {
			in.err = err
			return
		}
	}
}

// unread puts b back in front of what is still to be read.
func (in *input) unread(b []byte) {
	if len(b) > 0 {
		in.rest = append(b, in.rest...)
	}
}

// stop lets the pump end once its pending read returns.
func (in *input) stop() { close(in.done) }

// Read is the TUI's input: it blocks until the client types or hangs up.
func (in *input) Read(p []byte) (int, error) {
	return in.readBefore(p, time.Time{})
}

// readBefore is Read that gives up with os.ErrDeadlineExceeded at
// deadline; the zero time never does.
func (in *input) readBefore(p []byte, deadline time.Time) (int, error) {
	if len(in.rest) == 0 {
		var timeout <-chan time.Time
		if !deadline.IsZero() {
			t := time.NewTimer(time.Until(deadline))
			defer t.Stop()
			timeout = t.C
		}
		select {
		case chunk, ok := <-in.chunks:
			if !ok {
				if in.err == nil {
					return 0, io.EOF
				}
				return 0, in.err
			}
			in.rest = chunk
		case <-timeout:
			return 0, os.ErrDeadlineExceeded
		}
	}
	n := copy(p, in.rest)
	in.rest = in.rest[n:]
	return n, nil
}

// until reads in until its deadline.
type until struct {
	in       *input
	deadline time.Time
}

func (u until) Read(p []byte) (int, error) { return u.in.readBefore(p, u.deadline) }
