//go:build !unix

package fsutil

import "os"

// noFollow: where O_NOFOLLOW does not exist, OpenNoFollow's Lstat check
// is the only guard.
const noFollow = 0

// ownerOf: files have no uid here.
func ownerOf(os.FileInfo) (int, bool) { return -1, false }
