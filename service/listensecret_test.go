package service

import (
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
)

// Listens started together on a fresh state dir (each its own Service,
// as each its own process) all get the one secret the dir keeps.
func TestListenSecretIsMadeOnce(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "state")
	const n = 8
	secrets := make([]string, n)
	errs := make([]error, n)
	var ready, wg sync.WaitGroup
	ready.Add(n)
	start := make(chan struct{})
	for i := range n {
		wg.Go(func() {
			svc := New(Config{StateDir: dir})
			ready.Done()
			<-start
			secrets[i], errs[i] = svc.ListenSecret()
		})
	}
	ready.Wait()
	close(start)
	wg.Wait()
	kept, err := os.ReadFile(filepath.Join(dir, listenSecretFile))
	if err != nil {
		t.Fatal(err)
	}
	for i := range n {
		if errs[i] != nil {
			t.Fatal(errs[i])
		}
		if secrets[i] != strings.TrimSpace(string(kept)) {
			t.Errorf("listen %d got %s; the dir keeps %s", i, secrets[i], kept)
		}
	}
}
