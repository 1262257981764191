package service

import (
	"context"
	"errors"
	"fmt"
	"path/filepath"
	"strings"
	"time"

	"github.com/tokenscope/tokenscope/emulator"
	"github.com/tokenscope/tokenscope/internal/fsutil"
	"github.com/tokenscope/tokenscope/internal/webhook"
	"github.com/tokenscope/tokenscope/model"
)

// listenSecretFile holds the whsec_ secret tokenscope listen signs with,
// one per state dir, so a receiver configured once keeps verifying.
const listenSecretFile = "listen-secret"

// maxForwardURL bounds --forward-to.
const maxForwardURL = 2048

// giveUpTimeout bounds writing, as listen ends, that a delivery it was
// retrying is given up.
const giveUpTimeout = 2 * time.Second

// ListenSecret is the state dir's listen secret, made (0600) on first use.
func (s *Service) ListenSecret() (string, error) {
	if s.cfg.StateDir == "" {
		return "", errors.New("listen: no state dir to keep its secret in")
	}
	path := filepath.Join(s.cfg.StateDir, listenSecretFile)
	// Made exclusively: listens started together on a fresh state dir
	// all print (and sign with) the one secret that was kept.
	data, err := fsutil.ReadOrCreate(path, func() []byte { return []byte(webhook.NewSecret() + "\n") })
	if err != nil {
		return "", err
	}
	if secret := strings.TrimSpace(string(data)); strings.HasPrefix(secret, webhook.SecretPrefix) {
		return secret, nil
	}
	// A damaged file (edited by hand) is replaced.
	secret := webhook.NewSecret()
	if err := fsutil.WriteFileAtomic(path, []byte(secret+"\n"), false); err != nil {
		return "", err
	}
	return secret, nil
}

// ListenOptions say where listen forwards and which events.
type ListenOptions struct {
	ForwardTo   string
	Types       []string // none: every event
	AllowRemote bool     // a --forward-to off loopback
	Secret      string
	// Sender and Retry post each event (zero: Stripe-like); Poll is how
	// often a remote backend is asked for events (DefaultPoll when 0).
	Sender webhook.Sender
	Retry  webhook.Retry
	Poll   time.Duration
	// Ready is called once listen follows the events.
	Ready func()
	// Forwarded hears of each event once its delivery ended, and of
	// each failed attempt another will follow (Retrying): a receiver
	// that is down shows at once, not after the last retry.
	Forwarded func(Forward)
	// Logf hears of delivery records that could not be written; nil
	// drops them.
	Logf func(format string, args ...any)
}

// Forward is one event forwarded, and how its last attempt went.
type Forward struct {
	Event    model.Event
	Last     webhook.Attempt
	Attempts int
	Retrying bool // Last failed and another attempt follows
}

// CheckForwardTo refuses a URL listen cannot or should not post to.
func CheckForwardTo(raw string, allowRemote bool) error {
	if len(raw) > maxForwardURL {
		return fmt.Errorf("--forward-to is longer than %d characters", maxForwardURL)
	}
	if scheme := strings.ToLower(raw); !strings.HasPrefix(scheme, "http://") && !strings.HasPrefix(scheme, "https://") { // schemes are case-insensitive
		return fmt.Errorf("--forward-to %s: an http or https URL", model.MaskSecrets(raw))
	}
	if !allowRemote && !isLoopbackURL(raw) {
		return fmt.Errorf("--forward-to %s is not on this machine (loopback); pass --allow-remote to send events there", model.MaskSecrets(raw))
	}
	return nil
}

// Listen forwards the events made from now on to opts.ForwardTo, signed
// with opts.Secret, one at a time in the order they were made, until ctx
// ends: offline the emulator's (this process's or any other's on the
// state dir), else the key's own events, polled from GET /v1/events.
// Each attempt is logged as a delivery to the endpoint
// emulator.ListenerID(opts.ForwardTo): offline in the emulator's store
// beside its endpoints' deliveries, else in the state dir's forward log,
// so events, report and the TUI show it.
func (s *Session) Listen(ctx context.Context, opts ListenOptions) error {
	if err := CheckForwardTo(opts.ForwardTo, opts.AllowRemote); err != nil {
		return err
	}
	if !strings.HasPrefix(opts.Secret, webhook.SecretPrefix) {
		return errors.New("listen: no whsec_ secret to sign with")
	}
	release, err := s.holdForwardTo(opts.ForwardTo)
	if err != nil {
		return err
	}
	defer release()
	log, err := s.deliveryLog()
	if err != nil {
		return err
	}
	return s.FollowEvents(ctx, time.Now(), opts.Types, opts.Poll, opts.Ready, func(ev model.Event) {
		send := func() webhook.Attempt { return opts.Sender.Send(ctx, opts.ForwardTo, opts.Secret, ev.Raw) }
		record := func(ctx context.Context, f emulator.Forward) {
			f.Event, f.Type, f.URL, f.MaxAttempts = ev.ID, ev.Type, opts.ForwardTo, opts.Retry.Max()
			if err := log.LogForward(ctx, f); err != nil && opts.Logf != nil {
				opts.Logf("listen: log the delivery of %s: %v", ev.ID, err)
			}
		}
		n := 0
		attempts := opts.Retry.Do(ctx, send, func(a webhook.Attempt) {
			if ctx.Err() != nil { // cut short by the end of listen, not by the receiver
				return
			}
			record(ctx, emulator.Forward{Attempt: a})
			if n++; !a.OK() && n < opts.Retry.Max() && opts.Forwarded != nil {
				opts.Forwarded(Forward{Event: ev, Last: a, Attempts: n, Retrying: true})
			}
		})
		if ctx.Err() != nil && len(attempts) > 0 {
			// listen ends between retries: nobody will send it again.
			end, cancel := context.WithTimeout(context.WithoutCancel(ctx), giveUpTimeout)
			record(end, emulator.Forward{GaveUp: true})
			cancel()
		}
		if opts.Forwarded != nil && len(attempts) > 0 {
			opts.Forwarded(Forward{Event: ev, Last: attempts[len(attempts)-1], Attempts: len(attempts)})
		}
	})
}
