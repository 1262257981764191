package sshserver

import (
	"fmt"
	"io"
	"net"
	"sync"
	"time"

	"github.com/charmbracelet/ssh"
	gossh "golang.org/x/crypto/ssh"
)

// What `tokenscope serve` allows connections that have not logged in yet
// (see Config): every such connection holds a file descriptor and a
// goroutine, so without a bound a client opening them and sending nothing
// more runs the server out of descriptors and nobody can log in.
const (
	DefaultHandshakeTimeout   = 10 * time.Second
	DefaultMaxHandshakes      = 100
	DefaultMaxHandshakesPerIP = 10
)

// handshakes counts the connections that have not logged in yet, in all
// and by remote IP.
type handshakes struct {
	mu    sync.Mutex
	total int
	byIP  map[string]int
}

// admit counts a connection from ip, unless that would pass max in all or
// perIP from ip (0: no limit).
func (h *handshakes) admit(ip string, max, perIP int) error {
	h.mu.Lock()
	defer h.mu.Unlock()
	switch {
	case max > 0 && h.total >= max:
		return fmt.Errorf("%d connections are logging in already; try again in a moment", h.total)
	case perIP > 0 && h.byIP[ip] >= perIP:
		return fmt.Errorf("%d connections from %s are logging in already; try again in a moment", h.byIP[ip], ip)
	}
	if h.byIP == nil {
		h.byIP = map[string]int{}
	}
	h.total++
	h.byIP[ip]++
	return nil
}

func (h *handshakes) done(ip string) {
	h.mu.Lock()
	defer h.mu.Unlock()
	h.total--
	if h.byIP[ip]--; h.byIP[ip] == 0 {
		delete(h.byIP, ip)
	}
}

// handshake is one connection between accept and login: its count is
// given back, and its deadline stopped, once it logs in or closes.
type handshake struct {
	once   sync.Once
	finish func()
}

func (hs *handshake) end() { hs.once.Do(hs.finish) }

type handshakeKey struct{}

// countedConn gives its handshake back when it closes.
type countedConn struct {
	net.Conn
	hs *handshake
}

func (c *countedConn) Close() error {
	c.hs.end()
	return c.Conn.Close()
}

// admitConn is the server's ConnCallback: it refuses a connection beyond
// the limits (with a line the client may show, and a log line), and
// closes one that has not logged in within the handshake timeout.
func (s *Server) admitConn(ctx ssh.Context, conn net.Conn) net.Conn {
	ip := remoteIP(conn.RemoteAddr())
	if err := s.handshakes.admit(ip, s.cfg.MaxHandshakes, s.cfg.MaxHandshakesPerIP); err != nil {
		s.refused.Warn(s.log, "connection refused", "remote", conn.RemoteAddr().String(), "reason", err.Error())
		// RFC 4253 lets a server send lines before its version; the
		// deadline keeps a client that reads nothing from holding us.
		_ = conn.SetWriteDeadline(time.Now().Add(time.Second))
		_, _ = io.WriteString(conn, "tokenscope: "+err.Error()+"\r\n")
		return nil // closed by the caller
	}
	var timer *time.Timer
	if d := s.cfg.HandshakeTimeout; d > 0 {
		timer = time.AfterFunc(d, func() {
			s.timedOut.Warn(s.log, "login timed out", "remote", conn.RemoteAddr().String(), "after", d)
			_ = conn.Close()
		})
	}
	hs := &handshake{finish: func() {
		if timer != nil {
			timer.Stop()
		}
		s.handshakes.done(ip)
	}}
	ctx.SetValue(handshakeKey{}, hs)
	return &countedConn{Conn: conn, hs: hs}
}

// serverConfig is the x/crypto/ssh configuration of one connection: its
// successful login ends its handshake (a key that the client only asks
// about, without proving it holds it, does not).
func serverConfig(ctx ssh.Context) *gossh.ServerConfig {
	return &gossh.ServerConfig{
		AuthLogCallback: func(_ gossh.ConnMetadata, _ string, err error) {
			if hs, ok := ctx.Value(handshakeKey{}).(*handshake); ok && err == nil {
				hs.end()
			}
		},
	}
}

func remoteIP(addr net.Addr) string {
	if tcp, ok := addr.(*net.TCPAddr); ok {
		return tcp.IP.String()
	}
	host, _, err := net.SplitHostPort(addr.String())
	if err != nil {
		return addr.String()
	}
	return host
}
