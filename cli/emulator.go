package cli

import (
	"context"
	"errors"
	"fmt"
	"net"
	"net/http"
	"time"

	"github.com/charmbracelet/log"
	"github.com/spf13/cobra"

	"github.com/tokenscope/tokenscope/internal/httpserve"
	"github.com/tokenscope/tokenscope/internal/netaddr"
	"github.com/tokenscope/tokenscope/service"
)

// shutdownGrace is how long requests in flight get to finish on SIGINT.
const shutdownGrace = 5 * time.Second

// emulatorCmd serves the offline emulator over HTTP, so that another
// process (another machine's tokenscope through an SSH tunnel, a script
// using stripe-go, curl) can use the same test-mode Stripe.
func (a *app) emulatorCmd() *cobra.Command {
	var listen string
	var allowRemote bool
	var keep service.EmulatorOptions
	c := &cobra.Command{
		Use:   "emulator [--listen 127.0.0.1:12111]",
		Short: "Serve the offline emulator of Stripe's test mode over HTTP (until Ctrl-C)",
		Args:  cobra.NoArgs,
		RunE: func(c *cobra.Command, _ []string) error {
			if err := checkListen(c, listen, allowRemote); err != nil {
				return err
			}
			if keep.MaxObjects < 0 || keep.ExpireAfter < 0 {
				return usagef(c.CommandPath(), "--max-objects and --expire-after cannot be negative")
			}
			svc, err := a.stateService()
			if err != nil {
				return err
			}
			logger := log.NewWithOptions(a.stderr, log.Options{ReportTimestamp: true, Prefix: "tokenscope emulator"})
			keep.Logf = logger.Warnf
			emu, err := svc.Emulator(keep)
			if err != nil {
				return err
			}
			defer emu.Close()
			ln, err := net.Listen("tcp", listen)
			if err != nil {
				return err
			}
			base := "http://" + ln.Addr().String()
			fmt.Fprintf(a.stdout, "tokenscope emulator: Stripe test mode, offline, serving %s\n", base)
			fmt.Fprintf(a.stdout, "  objects   %s\n", svc.StateDir())
			fmt.Fprintf(a.stdout, "  use it    tokenscope --api-base %s list\n", base)
			fmt.Fprintf(a.stdout, "            (no key needed on loopback; stripe-go: BackendConfig URL %s)\n", base)
			fmt.Fprintln(a.stdout, "  webhooks  POST /v1/webhook_endpoints; events are delivered signed while this runs")
			fmt.Fprintln(a.stdout, "Press Ctrl-C to stop.")
			// Deliveries end before the emulator is closed.
			ctx, cancel := context.WithCancel(c.Context())
			delivered, settled := make(chan struct{}), make(chan struct{})
			go func() {
				defer close(delivered)
				if err := svc.DeliverWebhooks(ctx, emu, logger.Warnf); err != nil {
					logger.Warnf("webhooks are not delivered: %v", err)
				}
			}()
			go func() {
				defer close(settled)
				if err := svc.Settle(ctx, emu, logger.Warnf); err != nil {
					logger.Warnf("pending debits and refunds settle only when read: %v", err)
				}
			}()
			err = serveUntilDone(c.Context(), httpserve.Listener(ln, emu), httpserve.New(emu, httpserve.DefaultLimits, logger))
			cancel()
			<-delivered
			<-settled
			return err
		},
	}
	c.Flags().StringVar(&listen, "listen", "127.0.0.1:12111", "address to listen on (loopback only unless --allow-remote)")
	c.Flags().BoolVar(&allowRemote, "allow-remote", false, "allow a non-loopback --listen address (anyone who can reach it can use the emulator)")
	c.Flags().BoolVar(&keep.AllowRemoteWebhooks, "allow-remote-webhooks", false, "let webhook endpoints name URLs off loopback (the emulator then posts wherever a client says)")
	c.Flags().BoolVar(&keep.AllowCardNumbersInText, "allow-card-numbers-in-text", false, "take and store a description, email, metadata or address holding what reads as a card number (an order id that passes the Luhn check)")
	c.Flags().IntVar(&keep.MaxObjects, "max-objects", 0, "keep at most N objects (and N idempotency keys), dropping the oldest; 0 keeps all")
	c.Flags().DurationVar(&keep.ExpireAfter, "expire-after", 0, "drop objects created longer ago than this (e.g. 24h); 0 keeps them")
	return c
}

// checkListen refuses an address other machines can reach unless asked:
// the emulator has no authentication worth the name.
func checkListen(c *cobra.Command, listen string, allowRemote bool) error {
	host, _, err := net.SplitHostPort(listen)
	if err != nil {
		return usagef(c.CommandPath(), "--listen %s: %v", listen, err)
	}
	if !allowRemote && !netaddr.IsLoopback(host) {
		return usagef(c.CommandPath(), "--listen %s is reachable from other machines; use 127.0.0.1, or pass --allow-remote", listen)
	}
	return nil
}

// serveUntilDone serves srv on ln until ctx is cancelled (main cancels it
// on SIGINT and SIGTERM), then shuts down gracefully.
func serveUntilDone(ctx context.Context, ln net.Listener, srv *http.Server) error {
	err := serveUntilCancelled(ctx, shutdownGrace, func() error { return srv.Serve(ln) }, srv.Shutdown)
	if errors.Is(err, http.ErrServerClosed) {
		return nil // the normal end of a shutdown
	}
	return err
}
