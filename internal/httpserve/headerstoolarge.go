package httpserve

import (
	"bytes"
	"fmt"
	"net"
	"net/http"
	"strconv"
)

// goHeadersTooLarge is what net/http writes, before any handler runs, to a
// request whose request line and headers pass the server's MaxHeaderBytes
// (1 MiB by default): plain text, which a Stripe client cannot read as an
// error.
const goHeadersTooLarge = "HTTP/1.1 431 Request Header Fields Too Large\r\nContent-Type: text/plain; charset=utf-8\r\nConnection: close\r\n\r\n431 Request Header Fields Too Large"

// HeadersTooLarge is a handler that has an answer of its own for a
// request whose headers are too large to read (the emulator: Stripe's
// error JSON).
type HeadersTooLarge interface {
	HeadersTooLarge() (http.Header, []byte)
}

// Listener is ln, answering requests whose headers are too large with h's
// answer if h has one (HeadersTooLarge), in place of net/http's. net/http
// answers them itself, on the connection, so this is where it can be
// changed: the connection's write of that exact answer is replaced.
func Listener(ln net.Listener, h http.Handler) net.Listener {
	a, ok := h.(HeadersTooLarge)
	if !ok {
		return ln
	}
	return &tooLargeListener{Listener: ln, answer: a}
}

type tooLargeListener struct {
	net.Listener
	answer HeadersTooLarge
}

func (l *tooLargeListener) Accept() (net.Conn, error) {
	c, err := l.Listener.Accept()
	if err != nil {
		return nil, err
	}
	return &tooLargeConn{Conn: c, answer: l.answer}, nil
}

type tooLargeConn struct {
	net.Conn
	answer HeadersTooLarge
}

func (c *tooLargeConn) Write(p []byte) (int, error) {
	if len(p) != len(goHeadersTooLarge) || string(p) != goHeadersTooLarge {
		return c.Conn.Write(p)
	}
	if _, err := c.Conn.Write(rawResponse(http.StatusRequestHeaderFieldsTooLarge, c.answer)); err != nil {
		return 0, err
	}
	return len(p), nil
}

// CloseWrite keeps what net/http does after that answer: it half-closes
// a TCP connection, so the client reads the answer before the close.
func (c *tooLargeConn) CloseWrite() error {
	if cw, ok := c.Conn.(interface{ CloseWrite() error }); ok {
		return cw.CloseWrite()
	}
	return nil
}

// rawResponse is a whole HTTP/1.1 response, the connection closed after.
func rawResponse(status int, a HeadersTooLarge) []byte {
	h, body := a.HeadersTooLarge()
	h = h.Clone()
	h.Set("Content-Length", strconv.Itoa(len(body)))
	h.Set("Connection", "close")
	var b bytes.Buffer
	fmt.Fprintf(&b, "HTTP/1.1 %d %s\r\n", status, http.StatusText(status))
	_ = h.Write(&b)
	b.WriteString("\r\n")
	b.Write(body)
	return b.Bytes()
}
