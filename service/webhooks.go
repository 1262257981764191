package service

import (
	"context"
	"errors"

	"github.com/tokenscope/tokenscope/emulator"
	"github.com/tokenscope/tokenscope/internal/fsutil"
)

// DeliverWebhooks sends the offline emulator's events to its webhook
// endpoints until ctx ends (emulator.Deliver), waking when any process on
// the state dir writes the emulator's log. srv is what Emulator returned.
func (s *Service) DeliverWebhooks(ctx context.Context, srv EmulatorServer, logf func(string, ...any)) error {
	emu, ok := srv.(*emulator.Emulator)
	if !ok {
		return errors.New("webhooks: not the offline emulator")
	}
	if err := fsutil.EnsureDir(s.cfg.StateDir); err != nil {
		return err
	}
	wake, err := stateWatcher.subscribeLog(ctx, s.cfg.StateDir)
	if err != nil {
		return err
	}
	return emu.Deliver(ctx, emulator.DeliverOptions{Wake: wake, Logf: logf})
}

// DeliverWebhooks is Service.DeliverWebhooks for the session's
// in-process emulator; on another backend there is nothing to deliver
// (Stripe delivers its own).
func (s *Session) DeliverWebhooks(ctx context.Context, logf func(string, ...any)) error {
	if s.emu == nil {
		return nil
	}
	var wake <-chan struct{}
	if s.emuDir != "" {
		w, err := s.watchLog(ctx)
		if err != nil {
			return err
		}
		wake = w
	}
	return s.emu.Deliver(ctx, emulator.DeliverOptions{Wake: wake, Logf: logf})
}
