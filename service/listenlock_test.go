package service

import (
	"context"
	"errors"
	"strings"
	"testing"

	"github.com/tokenscope/tokenscope/model"
)

// Two listens on one state dir forwarding to the same URL would send each
// event twice: the second is refused, naming the URL, while the first
// runs; another URL is forwarded to meanwhile, and the URL is free again
// once the first listen ends.
func TestListenRefusesASecondListenToTheSameURL(t *testing.T) {
	dir := t.TempDir()
	first, second := offlineService(dir), offlineService(dir)
	secret, err := first.ListenSecret()
	if err != nil {
		t.Fatal(err)
	}
	url, _ := verifyingReceiver(t, func() string { return secret })
	other, _ := verifyingReceiver(t, func() string { return secret })
	ctx, cancel := context.WithCancel(context.Background())
	ready, done := make(chan struct{}), make(chan error, 1)
	sess, err := first.Session()
	if err != nil {
		t.Fatal(err)
	}
	go func() {
		done <- sess.Listen(ctx, ListenOptions{ForwardTo: url, Secret: secret, Ready: func() { close(ready) }})
	}()
	<-ready

	again, err := second.Session()
	if err != nil {
		t.Fatal(err)
	}
	err = again.Listen(context.Background(), ListenOptions{ForwardTo: url, Secret: secret})
	var coded model.LocalCoder
	if !errors.As(err, &coded) || coded.LocalCode() != model.CodeListenerBusy || !strings.Contains(err.Error(), url) {
		t.Fatalf("a second listen to %s: %v, want %s naming the URL", url, err, model.CodeListenerBusy)
	}
	for _, same := range []string{strings.Replace(url, "127.0.0.1", "localhost", 1), strings.Replace(url, "/webhook", "//webhook/", 1), strings.Replace(url, "http://", "HTTP://", 1)} {
		err = again.Listen(context.Background(), ListenOptions{ForwardTo: same, Secret: secret})
		if !errors.As(err, &coded) || coded.LocalCode() != model.CodeListenerBusy {
			t.Errorf("a second listen to %s, the same receiver as %s: %v, want %s", same, url, err, model.CodeListenerBusy)
		}
	}
	listening(t, second, ListenOptions{ForwardTo: other, Secret: secret})

	cancel()
	if err := <-done; err != nil {
		t.Fatalf("the first listen: %v", err)
	}
	listening(t, second, ListenOptions{ForwardTo: url, Secret: secret})
}
