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
	emu, wake, err := s.emulatorWake(ctx, srv, "webhooks")
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
	wake, err := s.logWake(ctx)
	if err != nil {
		return err
	}
	return s.emu.Deliver(ctx, emulator.DeliverOptions{Wake: wake, Logf: logf})
}

// emulatorWake is srv as the offline emulator, and a channel that wakes
// when any process on the state dir writes its log: what the loops that
// run beside a served emulator (deliveries, settling) wait on. what names
// the loop in the error when srv is not the offline emulator.
func (s *Service) emulatorWake(ctx context.Context, srv EmulatorServer, what string) (*emulator.Emulator, <-chan struct{}, error) {
	emu, ok := srv.(*emulator.Emulator)
	if !ok {
		return nil, nil, errors.New(what + ": not the offline emulator")
	}
	if err := fsutil.EnsureDir(s.cfg.StateDir); err != nil {
		return nil, nil, err
	}
	wake, err := stateWatcher.subscribeLog(ctx, s.cfg.StateDir)
	return emu, wake, err
}

// logWake wakes when any process writes the session's in-process
// emulator's log; nil when it keeps none on disk.
func (s *Session) logWake(ctx context.Context) (<-chan struct{}, error) {
	if s.emuDir == "" {
		return nil, nil
	}
	return s.watchLog(ctx)
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
