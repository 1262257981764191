package fsutil

import (
	"fmt"
	"os"
	"path/filepath"
)

// CheckTrusted refuses a file whose content decides who gets in (serve's
// authorized keys) when someone other than its owner could change it:
// the file or its dir writable by group or others, or either owned by a
// user other than this one or root. sshd's StrictModes refuses such a
// file for the same reason: any local user could add their own key.
// The dir's sticky bit does not help: in /tmp another user cannot
// replace the file, but a file made there is theirs to plant first.
func CheckTrusted(path string) error {
	me := os.Geteuid()
	for _, p := range []string{path, filepath.Dir(path)} {
		fi, err := os.Stat(p)
		if err != nil {
			return err
		}
		uid, known := ownerOf(fi)
		mode := fmt.Sprintf("%04o", uint32(fi.Mode().Perm())|stickyBits(fi.Mode()))
		switch {
		case known && uid != me && uid != 0:
			return fmt.Errorf("refusing %s: %s belongs to %s, so they decide who logs in; use a file and dir of your own", path, p, userName(uid))
		case fi.Mode().Perm()&0o022 != 0:
			return fmt.Errorf("refusing %s: %s is writable by other users (mode %s), so any of them could add their own key; run: chmod go-w %s", path, p, mode, p)
		}
	}
	return nil
}
