// Package httpserve builds the HTTP servers tokenscope runs (`tokenscope
// emulator`) with bounds on what one client can hold, and logs the
// requests refused for their body.
package httpserve

import (
	"errors"
	"io"
	"net"
	"net/http"
	"time"

	"github.com/charmbracelet/log"

	"github.com/tokenscope/tokenscope/internal/quietlog"
)

// Limits bound what one HTTP client can hold of a server: without them a
// client that sends a body a byte at a time keeps its connection, and so
// a descriptor, for as long as it likes.
type Limits struct {
	// ReadTimeout is the time from a connection's accept (or the end of
	// its last request) to the whole request, headers and body, read.
	ReadTimeout time.Duration
	// WriteTimeout is the time from the request read to the response
	// written.
	WriteTimeout time.Duration
	// IdleTimeout closes a kept-alive connection that sends no next
	// request this long.
	IdleTimeout time.Duration
}

// DefaultLimits are `tokenscope emulator`'s: tokenscope's own requests are
// a few hundred bytes, read in well under a millisecond.
var DefaultLimits = Limits{ReadTimeout: 10 * time.Second, WriteTimeout: 10 * time.Second, IdleTimeout: 60 * time.Second}

// New is an http.Server for h within lim. A body not sent within
// ReadTimeout ends its connection; that, and each request h answers 413
// (its body too large: the emulator's MaxBody), is logged to l, at most
// once a second each, and the server goes on.
func New(h http.Handler, lim Limits, l *log.Logger) *http.Server {
	w := &watched{next: h, log: l}
	return &http.Server{
		Handler:      w,
		ReadTimeout:  lim.ReadTimeout,
		WriteTimeout: lim.WriteTimeout,
		IdleTimeout:  lim.IdleTimeout,
		ErrorLog:     l.StandardLog(log.StandardLogOptions{ForceLevel: log.WarnLevel}),
	}
}

// watched logs the requests its handler refused for their body.
type watched struct {
	next              http.Handler
	log               *log.Logger
	tooLarge, tooSlow quietlog.Log
}

func (s *watched) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	sw := &statusWriter{ResponseWriter: w}
	body := &watchedBody{ReadCloser: r.Body}
	r.Body = body
	s.next.ServeHTTP(sw, r)
	var ne net.Error
	switch {
	case sw.status == http.StatusRequestEntityTooLarge:
		s.tooLarge.Warn(s.log, "request body too large", "remote", r.RemoteAddr)
	case errors.As(body.err, &ne) && ne.Timeout():
		s.tooSlow.Warn(s.log, "request body too slow; connection closed", "remote", r.RemoteAddr, "read_bytes", body.n)
	}
}

// watchedBody remembers how much of a body was read and why reading
// stopped.
type watchedBody struct {
	io.ReadCloser
	n   int64
	err error
}

func (b *watchedBody) Read(p []byte) (int, error) {
	n, err := b.ReadCloser.Read(p)
	b.n += int64(n)
	if err != nil && err != io.EOF {
		b.err = err
	}
	return n, err
}

type statusWriter struct {
	http.ResponseWriter
	status int
}

func (w *statusWriter) WriteHeader(status int) {
	w.status = status
	w.ResponseWriter.WriteHeader(status)
}
