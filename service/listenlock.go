package service

import (
	"context"
	"errors"
	"fmt"
	"net"
	neturl "net/url"
	"path"
	"path/filepath"
	"strings"

	"github.com/tokenscope/tokenscope/emulator"
	"github.com/tokenscope/tokenscope/internal/fsutil"
	"github.com/tokenscope/tokenscope/internal/netaddr"
	"github.com/tokenscope/tokenscope/model"
)

// holdForwardTo marks url as forwarded to by this listen, for as long as
// it runs: a second listen on the state dir forwarding to the same URL is
// refused, as each would send every event (the emulator's deliveries are
// claimed by one deliverer, listen's forwards are not). The lock is the
// kernel's, so a listen killed in any way leaves the URL free. Without a
// state dir nothing is shared, and nothing is held.
func (s *Session) holdForwardTo(url string) (release func(), err error) {
	if s.store == nil || s.store.Dir() == "" {
		return func() {}, nil
	}
	name := "listen-" + strings.TrimPrefix(emulator.ListenerID(receiver(url)), emulator.ListenerPrefix) + ".lock"
	release, err = fsutil.Lock(context.Background(), filepath.Join(s.store.Dir(), name), 0, nil)
	if errors.Is(err, fsutil.ErrLocked) {
		return nil, model.Fault(model.CodeListenerBusy, fmt.Errorf("listen: another tokenscope listen already forwards to %s", model.MaskSecrets(url)))
	}
	return release, err
}

// receiver is the receiver raw names, one way however it is written: the
// scheme and host in lower case, any loopback name as 127.0.0.1, the
// default port, and the path without doubled or trailing slashes. Two
// listens to http://localhost:4242/hook/ and http://127.0.0.1:4242//hook
// would both send each event to the same handler.
func receiver(raw string) string {
	u, err := neturl.Parse(raw)
	if err != nil {
		return raw
	}
	host, port := strings.ToLower(u.Hostname()), u.Port()
	if netaddr.IsLoopback(host) {
		host = "127.0.0.1"
	}
	if port == "" {
		port = map[string]string{"http": "80", "https": "443"}[u.Scheme]
	}
	p := strings.TrimSuffix(path.Clean("/"+u.Path), "/")
	return u.Scheme + "://" + net.JoinHostPort(host, port) + p + "?" + u.RawQuery
}
