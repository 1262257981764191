package emulator

import (
	"errors"
	"os"
	"path/filepath"
	"syscall"
	"testing"
)

func TestDatasyncKeepingPReportsTheKernelsError(t *testing.T) {
	f, err := os.Create(filepath.Join(t.TempDir(), "log"))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := f.WriteString("record"); err != nil {
		t.Fatal(err)
	}
	if err := datasyncKeepingP(f); err != nil {
		t.Fatalf("fsync of a file: %v", err)
	}
	f.Close()
	if err := datasyncKeepingP(f); err == nil {
		t.Fatal("fsync of a closed file: no error")
	}

	r, w, err := os.Pipe() // a pipe cannot be fsynced: EINVAL
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	defer w.Close()
	err = datasyncKeepingP(w)
	var pe *os.PathError
	if !errors.As(err, &pe) || pe.Op != "sync" || !errors.Is(err, syscall.EINVAL) {
		t.Fatalf("fsync of a pipe: %v, want sync %s: EINVAL", err, w.Name())
	}
}
