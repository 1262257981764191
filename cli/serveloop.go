package cli

import (
	"context"
	"time"
)

// serveUntilCancelled runs serve (which blocks while the server runs) until
// ctx is cancelled (main cancels it on SIGINT and SIGTERM), then gives
// shutdown grace to finish the work in flight. It returns shutdown's error,
// else serve's.
func serveUntilCancelled(ctx context.Context, grace time.Duration, serve func() error, shutdown func(context.Context) error) error {
	done := make(chan error, 1)
	go func() { done <- serve() }()
	select {
	case err := <-done:
		return err
	case <-ctx.Done():
	}
	sctx, cancel := context.WithTimeout(context.Background(), grace)
	defer cancel()
	if err := shutdown(sctx); err != nil {
		return err
	}
	return <-done
}
