package model

import (
	"fmt"
	"io/fs"
	"syscall"
	"testing"
)

// A write that finds no room is disk_full whichever limit it hit: the
// disk, the quota, or the file size limit (ulimit -f gives EFBIG).
func TestNoRoomIsDiskFull(t *testing.T) {
	for _, errno := range []syscall.Errno{syscall.ENOSPC, syscall.EDQUOT, syscall.EFBIG} {
		err := fmt.Errorf("write state: %w", &fs.PathError{Op: "write", Path: "/s/.state.json.abc.tmp", Err: errno})
		if got := LocalCodeOf(err); got != CodeDiskFull {
			t.Errorf("%v: code %q, want %q", errno, got, CodeDiskFull)
		}
	}
}
