package cli

import (
	"context"
	"encoding/json"
	"fmt"
	"strings"

	"github.com/spf13/cobra"

	"github.com/tokenscope/tokenscope/service"
	"github.com/tokenscope/tokenscope/views"
)

// maxListenTypes bounds --events.
const maxListenTypes = 256

// listenCmd forwards events to a local receiver, signed, as stripe listen
// --forward-to does.
func (a *app) listenCmd() *cobra.Command {
	var opts service.ListenOptions
	var events string
	c := &cobra.Command{
		Use:   "listen --forward-to URL [--events T,..]",
		Short: "Forward events, signed, to a webhook receiver (until Ctrl-C), as stripe listen does",
		Long: "Forward every event made from now on to --forward-to, signed with the whsec_ secret it prints\n" +
			"(one per state dir, kept there). Offline it forwards the emulator's events, whichever\n" +
			"tokenscope on the state dir made them (the TUI in another terminal, a script); against\n" +
			"Stripe's test mode it polls the key's own events. It also delivers to the offline\n" +
			"emulator's webhook endpoints while it runs.",
		Args: cobra.NoArgs,
		RunE: func(c *cobra.Command, _ []string) error {
			if opts.ForwardTo == "" {
				return usagef(c.CommandPath(), "--forward-to is required, e.g. --forward-to http://localhost:4242/webhook")
			}
			if err := service.CheckForwardTo(opts.ForwardTo, opts.AllowRemote); err != nil {
				return usagef(c.CommandPath(), "%v", err)
			}
			for _, t := range strings.Split(events, ",") {
				if t = strings.TrimSpace(t); t != "" && t != "*" {
					opts.Types = append(opts.Types, t)
				}
			}
			if len(opts.Types) > maxListenTypes {
				return usagef(c.CommandPath(), "at most %d --events", maxListenTypes)
			}
			svc, err := a.service()
			if err != nil {
				return err
			}
			sess, err := svc.Session()
			if err != nil {
				return err
			}
			if err := sess.CheckEventTypes(opts.Types); err != nil {
				return usagef(c.CommandPath(), "--events %v", err)
			}
			if opts.Secret, err = svc.ListenSecret(); err != nil {
				return err
			}
			label := sess.Backend().Label()
			opts.Ready = func() {
				if a.json {
					_ = json.NewEncoder(a.stdout).Encode(map[string]string{"secret": opts.Secret, "forward_to": opts.ForwardTo, "backend": label})
					return
				}
				fmt.Fprintf(a.stdout, "Ready! Forwarding events on %s to %s\n", label, views.Clean(opts.ForwardTo))
				fmt.Fprintf(a.stdout, "Your webhook signing secret is %s (^C to quit)\n", opts.Secret)
			}
			opts.Forwarded = func(f service.Forward) {
				v := views.Forwarded{Event: f.Event, Status: f.Last.Status, Latency: f.Last.Latency, Attempts: f.Attempts, Error: f.Last.Error, Retrying: f.Retrying}
				if a.json {
					_ = json.NewEncoder(a.stdout).Encode(v.JSON())
					return
				}
				_ = views.WriteLines(a.stdout, []views.Line{v.Line()})
			}
			opts.Logf = func(format string, args ...any) { fmt.Fprintf(a.stderr, format+"\n", args...) }
			ctx, cancel := context.WithCancel(c.Context())
			defer cancel()
			delivered, settled := make(chan struct{}), make(chan struct{})
			go func() {
				defer close(delivered)
				_ = sess.DeliverWebhooks(ctx, func(format string, args ...any) { fmt.Fprintf(a.stderr, "webhooks: "+format+"\n", args...) })
			}()
			go func() {
				defer close(settled)
				_ = sess.Settle(ctx, func(format string, args ...any) { fmt.Fprintf(a.stderr, "settle: "+format+"\n", args...) })
			}()
			err = sess.Listen(ctx, opts)
			cancel()
			<-delivered
			<-settled
			return err
		},
	}
	c.Flags().StringVar(&opts.ForwardTo, "forward-to", "", "the URL to POST each event to (loopback unless --allow-remote)")
	c.Flags().StringVar(&events, "events", "", "only these event types, comma-separated (default: all)")
	c.Flags().BoolVar(&opts.AllowRemote, "allow-remote", false, "allow a --forward-to that is not on this machine")
	a.jsonFlag(c, "print the secret, then each delivery, as JSON lines")
	return c
}
