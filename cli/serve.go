package cli

import (
	"context"
	"fmt"
	"net"
	"os"
	"path/filepath"
	"time"

	"github.com/charmbracelet/log"
	"github.com/spf13/cobra"

	"github.com/tokenscope/tokenscope/sshserver"
)

// serveGrace is how long sessions get to quit after SIGINT or SIGTERM
// before their connections are closed.
const serveGrace = 10 * time.Second

// serveFlags are `tokenscope serve`'s own flags.
type serveFlags struct {
	listen, authorizedKeys, hostKey string
	open, inline                    bool
	maxSessions, fps                int
	idleTimeout, handshakeTimeout   time.Duration
	maxHandshakes, maxHandshakesIP  int
}

// serveCmd runs the SSH server: every session gets its own TUI (package
// sshserver), for onboarding rooms and shared jump hosts.
func (a *app) serveCmd() *cobra.Command {
	var f serveFlags
	c := &cobra.Command{
		Use:   "serve [--listen 127.0.0.1:2222] [--authorized-keys FILE] [--host-key FILE]",
		Short: "Serve the TUI over SSH, one session per user (until Ctrl-C)",
		Long: `serve runs an SSH server whose sessions each get their own tokenscope TUI.
Only public-key authentication is offered, against --authorized-keys
(default ~/.ssh/authorized_keys), read afresh on every login. --open admits
any key, and only with the offline backend; offline, every key gets its own
emulator (its objects in <state dir>/serve/) and workspace, so attendees
never see each other's tokens, not even by id. With a Stripe test
key the key stays on the server; sessions see only ••••last4.`,
		Args: cobra.NoArgs,
		RunE: func(c *cobra.Command, _ []string) error { return a.serve(c, f) },
	}
	fl := c.Flags()
	fl.StringVar(&f.listen, "listen", "127.0.0.1:2222", "address to listen on; other than loopback needs --authorized-keys (or --open)")
	fl.StringVar(&f.authorizedKeys, "authorized-keys", "", "OpenSSH authorized_keys `FILE` of the keys admitted (default ~/.ssh/authorized_keys)")
	fl.StringVar(&f.hostKey, "host-key", "", "host key `FILE` (default ssh_host_ed25519_key in the state dir, made on first start)")
	fl.BoolVar(&f.open, "open", false, "admit any SSH key (offline backend only: for demo rooms)")
	fl.IntVar(&f.maxSessions, "max-sessions", 50, "refuse sessions beyond this many at once (0: no limit)")
	fl.DurationVar(&f.idleTimeout, "idle-timeout", 30*time.Minute, "close connections idle this long (0: never)")
	fl.DurationVar(&f.handshakeTimeout, "handshake-timeout", sshserver.DefaultHandshakeTimeout, "close connections not logged in this long after they connect (0: never)")
	fl.IntVar(&f.maxHandshakes, "max-handshakes", sshserver.DefaultMaxHandshakes, "refuse connections while this many are not logged in yet (0: no limit)")
	fl.IntVar(&f.maxHandshakesIP, "max-handshakes-per-ip", sshserver.DefaultMaxHandshakesPerIP, "refuse connections while this many from the same IP are not logged in yet (0: no limit)")
	fl.BoolVar(&f.inline, "inline", false, "draw each session's TUI in its scrollback instead of the alternate screen")
	fl.IntVar(&f.fps, "fps", 0, "cap each session's frame rate (default 60; lower it for slow links)")
	return c
}

func (a *app) serve(c *cobra.Command, f serveFlags) error {
	dir, err := a.stateDir()
	if err != nil {
		return err
	}
	svc, err := a.service()
	if err != nil {
		return err
	}
	if f.hostKey == "" {
		f.hostKey = filepath.Join(dir, "ssh_host_ed25519_key")
	}
	if f.authorizedKeys == "" && !f.open {
		home := a.getenv("HOME")
		if home == "" {
			home, _ = os.UserHomeDir()
		}
		f.authorizedKeys = filepath.Join(home, ".ssh", "authorized_keys")
	}
	cfg := sshserver.Config{
		Listen: f.listen, AuthorizedKeys: f.authorizedKeys, HostKey: f.hostKey, Open: f.open,
		MaxSessions: f.maxSessions, IdleTimeout: f.idleTimeout,
		HandshakeTimeout: f.handshakeTimeout, MaxHandshakes: f.maxHandshakes, MaxHandshakesPerIP: f.maxHandshakesIP,
		Service: svc,
		Inline:  f.inline, FPS: f.fps, NoColor: a.global.noColor,
		Log: log.NewWithOptions(a.stderr, log.Options{ReportTimestamp: true, Prefix: "tokenscope serve"}),
	}
	if err := cfg.Check(); err != nil {
		return usagef(c.CommandPath(), "%v", err)
	}
	srv, err := sshserver.New(cfg)
	if err != nil {
		return err
	}
	ln, err := net.Listen("tcp", f.listen)
	if err != nil {
		return err
	}
	a.serveBanner(ln.Addr().(*net.TCPAddr), srv, cfg)
	// A shutdown is a normal way out, even when stragglers had to be cut
	// off: the server logs them, so its error is not the command's.
	return serveUntilCancelled(c.Context(), serveGrace, func() error { return srv.Serve(ln) },
		func(ctx context.Context) error { _ = srv.Shutdown(ctx); return nil })
}

func (a *app) serveBanner(addr *net.TCPAddr, srv *sshserver.Server, cfg sshserver.Config) {
	fmt.Fprintf(a.stdout, "tokenscope serve: SSH on %s\n", addr)
	fmt.Fprintf(a.stdout, "  connect   ssh -p %d %s\n", addr.Port, addr.IP)
	fmt.Fprintf(a.stdout, "  host key  %s\n", srv.HostKey())
	if cfg.Open {
		fmt.Fprintln(a.stdout, "  keys      any (--open); one offline emulator and workspace per key")
	} else {
		fmt.Fprintf(a.stdout, "  keys      %s\n", cfg.AuthorizedKeys)
	}
	fmt.Fprintln(a.stdout, "Press Ctrl-C to stop.")
}
