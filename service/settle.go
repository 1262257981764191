package service

import (
	"context"

	"github.com/tokenscope/tokenscope/emulator"
)

// A pending ACH debit, or a refund of a refund test card, changes a few
// seconds after it is made. A process that runs for a while on the
// offline emulator (tokenscope emulator, listen, the TUI, serve) settles
// them as they fall due, so their events appear, and their webhooks are
// sent, without anyone reading them first. One-shot commands leave it to
// the next read.

// Settle settles the offline emulator's records as they fall due until
// ctx ends, looking again when any process on the state dir writes the
// emulator's log. srv is what Emulator returned.
func (s *Service) Settle(ctx context.Context, srv EmulatorServer, logf func(string, ...any)) error {
	emu, wake, err := s.emulatorWake(ctx, srv, "settle")
	if err != nil {
		return err
	}
	return emu.Settle(ctx, emulator.SettleOptions{Wake: wake, Logf: logf})
}

// Settle is Service.Settle for the session's in-process emulator; on
// another backend there is nothing to settle (Stripe does).
func (s *Session) Settle(ctx context.Context, logf func(string, ...any)) error {
	if s.emu == nil {
		return nil
	}
	wake, err := s.logWake(ctx)
	if err != nil {
		return err
	}
	return s.emu.Settle(ctx, emulator.SettleOptions{Wake: wake, Logf: logf})
}
