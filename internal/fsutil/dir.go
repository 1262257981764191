// Package fsutil holds the rules every file tokenscope keeps on disk
// follows, whoever writes it (model/state's state.json, the emulator's
// store): private modes, atomic replacement, an advisory lock between
// processes, and a last check that no card number or key is written.
package fsutil

import (
	"fmt"
	"os"
)

// Private modes: the state dir holds nothing secret, but what tokens a
// support engineer made is nobody else's business on a shared jump host.
const (
	FileMode os.FileMode = 0o600
	DirMode  os.FileMode = 0o700
)

// Chmod is os.Chmod. Tests replace it to fail as it does on a dir owned by
// someone else, which a test running as root cannot otherwise see; it is
// exported because the state store's tests need that dir too.
var Chmod = os.Chmod

// EnsureDir creates dir with DirMode and, if it already exists, takes away
// any group and other bits (mode &^ 0o077). It never adds owner bits: a
// dir the user made 0500 stays 0500 (writes then fail, which is what they
// asked for). A dir that is already private needs no chmod, so it is never
// an error that chmod would fail there; a dir open to others that cannot
// be made private (another user's) is, with a plain message.
func EnsureDir(dir string) error {
	if err := os.MkdirAll(dir, DirMode); err != nil {
		return err
	}
	fi, err := os.Stat(dir)
	if err != nil {
		return err
	}
	perm := fi.Mode().Perm()
	private := perm &^ 0o077
	if perm == private {
		return nil
	}
	if err := Chmod(dir, private); err != nil {
		return fmt.Errorf("cannot make the state dir %s private (it is %#o; chmod: %v): it probably belongs to another user, and tokenscope writes only where others cannot read; choose a dir of your own with --state-dir", dir, perm, err)
	}
	return nil
}
