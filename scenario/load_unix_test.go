//go:build unix

package scenario

import (
	"path/filepath"
	"strings"
	"syscall"
	"testing"
)

// Only a regular file is read as a scenario: a FIFO with no writer made
// plan block for ever in its read (signals could not end it), a device
// such as /dev/null or /dev/zero is no scenario, and `-` is not stdin
// (the state links tokens to the file's path). Each is refused with what
// it is, nothing read.
func TestLoadRefusesWhatIsNotAFile(t *testing.T) {
	fifo := filepath.Join(t.TempDir(), "ff")
	if err := syscall.Mkfifo(fifo, 0o600); err != nil {
		t.Fatal(err)
	}
	for path, want := range map[string]string{
		fifo:        "is a named pipe (FIFO), not a regular file",
		"/dev/null": "is a device, not a regular file",
		t.TempDir(): "is a directory, not a regular file",
		"-":         "- is not read as stdin",
	} {
		_, diags := Load(path)
		if !diags.HasErrors() || !strings.Contains(diags.Error(), want) {
			t.Errorf("Load(%s) = %v, want an error saying %q", path, diags, want)
		}
	}
}
