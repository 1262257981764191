// Command tokenscope explores Stripe test-mode tokens from a terminal: a TUI
// when run bare, headless commands otherwise (package cli). This file is the
// process wiring only: signals, the environment and the exit code.
package main

import (
	"context"
	"os"
	"os/signal"
	"syscall"

	"github.com/tokenscope/tokenscope/cli"
	"github.com/tokenscope/tokenscope/internal/quietinit"
)

// version is set at build time: go build -ldflags "-X main.version=v1.2.0".
var version = "dev"

func main() {
	// TERM was "dumb" while packages initialized (see quietinit).
	quietinit.Restore()
	// SIGINT and SIGTERM cancel the context: the TUI quits, `tokenscope
	// emulator` shuts its server down, requests in flight are abandoned.
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	cli.Version = version
	code := cli.Main(ctx, os.Args[1:], os.Stdin, os.Stdout, os.Stderr, os.Getenv)
	stop()
	os.Exit(code)
}
