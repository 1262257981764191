package fsutil

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/tokenscope/tokenscope/model"
)

// An error naming a temp file shows its real name: the name holds no run
// of digits for the card-number mask to hide.
func TestTempNamesSurviveTheCardMask(t *testing.T) {
	dir := t.TempDir()
	target := filepath.Join(dir, "state.json")
	// A non-empty dir where the file goes: the rename of the temp file fails.
	if err := os.MkdirAll(filepath.Join(target, "x"), 0o700); err != nil {
		t.Fatal(err)
	}
	for range 20 {
		err := WriteFileAtomic(target, []byte("{}"), false)
		if err == nil {
			t.Fatal("wrote over a dir")
		}
		msg := err.Error()
		if !strings.Contains(msg, "/.state.json.") || model.MaskSecrets(msg) != msg {
			t.Fatalf("the error does not name the temp file as it is: %s\nmasked: %s", msg, model.MaskSecrets(msg))
		}
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 1 {
		t.Errorf("temp files left: %v", entries)
	}
}
