package state

import (
	"context"
	"fmt"
	"sync"
	"testing"
	"time"
)

// TestConcurrentWritersLoseNothing runs goroutines and separate processes
// that all add tokens at once. Without the lock, or without the reload
// under it, writers overwrite each other's tokens and this fails.
func TestConcurrentWritersLoseNothing(t *testing.T) {
	const goroutines, processes, m = 4, 2, 15
	dir := t.TempDir()
	var wg sync.WaitGroup
	errs := make(chan error, goroutines+processes)
	for p := 0; p < processes; p++ {
		cmd := helperCmd(dir, fmt.Sprintf("writer p%d %d", p, m))
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		wg.Go(func() {
			if err := cmd.Wait(); err != nil {
				errs <- fmt.Errorf("helper process: %w", err)
			}
		})
	}
	for g := 0; g < goroutines; g++ {
		s := openStore(t, dir, func(o *Options) { o.MaxTokens = -1; o.LockTimeout = time.Minute })
		wg.Go(func() {
			for i := 0; i < m; i++ {
				id := tokID(fmt.Sprintf("g%d", g), i)
				if _, err := s.Update(context.Background(), "create", func(st *State) error {
					st.Workspace("offline").Upsert(cardRecord(id))
					return nil
				}); err != nil {
					errs <- err
					return
				}
			}
		})
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Fatal(err)
	}

	st, err := openStore(t, dir).Load()
	if err != nil {
		t.Fatal(err)
	}
	w := st.Workspace("offline")
	writers := goroutines + processes
	if len(w.Tokens) != writers*m {
		t.Errorf("%d tokens, want %d", len(w.Tokens), writers*m)
	}
	if st.Serial != int64(writers*m) {
		t.Errorf("serial %d, want %d (one per write)", st.Serial, writers*m)
	}
	for p := 0; p < processes; p++ {
		for i := 0; i < m; i++ {
			if _, ok := w.Find(tokID(fmt.Sprintf("p%d", p), i)); !ok {
				t.Errorf("lost %s", tokID(fmt.Sprintf("p%d", p), i))
			}
		}
	}
	for g := 0; g < goroutines; g++ {
		for i := 0; i < m; i++ {
			if _, ok := w.Find(tokID(fmt.Sprintf("g%d", g), i)); !ok {
				t.Errorf("lost %s", tokID(fmt.Sprintf("g%d", g), i))
			}
		}
	}
}
