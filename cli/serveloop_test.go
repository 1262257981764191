package cli

import (
	"context"
	"errors"
	"testing"
	"time"
)

func TestServeUntilCancelled(t *testing.T) {
	failed := errors.New("listener closed")
	if err := serveUntilCancelled(t.Context(), time.Second, func() error { return failed }, nil); err != failed {
		t.Errorf("a server that stops by itself: %v, want its error", err)
	}

	// Cancelled: shutdown gets the grace and makes serve return.
	ctx, cancel := context.WithCancel(t.Context())
	stop := make(chan struct{})
	var left time.Duration
	cancel()
	err := serveUntilCancelled(ctx, time.Minute,
		func() error { <-stop; return nil },
		func(sctx context.Context) error {
			d, _ := sctx.Deadline()
			left = time.Until(d)
			close(stop)
			return nil
		})
	if err != nil || left < 50*time.Second {
		t.Errorf("after cancel: err %v, shutdown given %s of a minute's grace", err, left)
	}

	refused := errors.New("shutdown timed out")
	ctx, cancel = context.WithCancel(t.Context())
	cancel()
	block := make(chan struct{})
	defer close(block)
	if err := serveUntilCancelled(ctx, time.Second, func() error { <-block; return nil }, func(context.Context) error { return refused }); err != refused {
		t.Errorf("a failed shutdown: %v, want its error", err)
	}
}
