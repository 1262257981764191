//go:build unix

package fsutil

import (
	"os"
	"syscall"
)

// noFollow makes an open fail (ELOOP) on a symbolic link.
const noFollow = syscall.O_NOFOLLOW

// ownerOf is the uid owning fi's file.
func ownerOf(fi os.FileInfo) (int, bool) {
	if st, ok := fi.Sys().(*syscall.Stat_t); ok {
		return int(st.Uid), true
	}
	return -1, false
}
