package service

import (
	"context"
	"errors"
	"fmt"
	"path/filepath"
	"strings"

	"github.com/tokenscope/tokenscope/emulator"
	"github.com/tokenscope/tokenscope/internal/fsutil"
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
	name := "listen-" + strings.TrimPrefix(emulator.ListenerID(url), emulator.ListenerPrefix) + ".lock"
	release, err = fsutil.Lock(context.Background(), filepath.Join(s.store.Dir(), name), 0, nil)
	if errors.Is(err, fsutil.ErrLocked) {
		return nil, model.Fault(model.CodeListenerBusy, fmt.Errorf("listen: another tokenscope listen already forwards to %s", model.MaskSecrets(url)))
	}
	return release, err
}
