package testio

import (
	"os"
	"testing"
	"time"
)

// SettledDir is a temporary dir removed once its last writer is done. A
// live view's read can land after the test has seen what it waits for
// (the request log is appended), and t.TempDir's cleanup fails on a file
// written while it removes the dir. Register it before what writes in
// it, so that cleanups that stop those writers run first.
func SettledDir(t testing.TB) string {
	t.Helper()
	dir, err := os.MkdirTemp("", "settled-")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		deadline := time.Now().Add(10 * time.Second)
		for os.RemoveAll(dir) != nil && time.Now().Before(deadline) {
			time.Sleep(20 * time.Millisecond)
		}
		if _, err := os.Stat(dir); err == nil {
			t.Errorf("%s could not be removed", dir)
		}
	})
	return dir
}
