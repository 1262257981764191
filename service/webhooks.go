package service

import (
	"context"
	"errors"

	"github.com/tokenscope/tokenscope/emulator"
	"github.com/tokenscope/tokenscope/internal/fsutil"
	"github.com/tokenscope/tokenscope/model"
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

// Delivery is one event's delivery to an endpoint or a listen.
type Delivery = model.Delivery

// Deliveries are the deliveries of the events named: offline to the
// emulator's webhook endpoints and to listen, on another backend to
// listen (Stripe keeps its endpoints' own).
func (s *Session) Deliveries(ctx context.Context, events ...string) ([]Delivery, error) {
	log, err := s.deliveryLog()
	if err != nil {
		return nil, err
	}
	ds, err := log.Deliveries(ctx, events...)
	out := make([]Delivery, 0, len(ds))
	for _, d := range ds {
		v := Delivery{Event: d.Event, Endpoint: d.Endpoint, URL: d.URL, Listener: IsListener(d.Endpoint), State: d.State, Attempts: len(d.Attempts)}
		if n := len(d.Attempts); n > 0 {
			last := d.Attempts[n-1]
			v.Status, v.Latency, v.Error = last.Status, last.Latency, last.Error
		}
		out = append(out, v)
	}
	return out, err
}
