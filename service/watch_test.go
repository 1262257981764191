package service

import (
	"testing"
	"time"

	"github.com/tokenscope/tokenscope/internal/testio"
)

// TestWatchSeesAnotherWriter: a write to the state by another session (as
// by another process: the watch sees the file, not the writer) is told to
// every watcher of the dir.
func TestWatchSeesAnotherWriter(t *testing.T) {
	dir := t.TempDir()
	reader, writer := newSession(t, dir), newSession(t, dir)
	c1, err := reader.Watch(t.Context())
	if err != nil {
		t.Fatal(err)
	}
	c2, err := reader.Watch(t.Context())
	if err != nil {
		t.Fatal(err)
	}
	if _, err := writer.Create(t.Context(), testio.Preset(t, "visa"), ""); err != nil {
		t.Fatal(err)
	}
	for _, c := range []<-chan struct{}{c1, c2} {
		select {
		case <-c:
		case <-time.After(5 * time.Second):
			t.Fatal("no change told within 5 s of a write")
		}
	}
}
