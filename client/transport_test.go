package client_test

import (
	"context"
	"errors"
	"net/http"
	"testing"

	"github.com/tokenscope/tokenscope/client"
	"github.com/tokenscope/tokenscope/internal/testio"
	"github.com/tokenscope/tokenscope/model"
)

// A request to the in-process emulator that is cancelled while the
// handler holds it fails as a cancelled network request does.
func TestHandlerTransportCancelled(t *testing.T) {
	h := testio.HangOn(func(*http.Request) bool { return true })
	c, err := client.New(client.Config{Handler: h.Wrap(http.NotFoundHandler())})
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	got := make(chan error, 1)
	go func() {
		_, err := c.Get(ctx, "tok_visa")
		got <- err
	}()
	testio.Recv(t, h.Held, "the request to reach the handler")
	cancel()
	err = testio.Recv(t, got, "the cancelled request to return")
	var e *model.Error
	if !errors.As(err, &e) || e.Type != model.TypeConnection || e.Code != model.CodeCancelled || !errors.Is(err, context.Canceled) {
		t.Fatalf("a cancelled request failed with %v", err)
	}
}
