//go:build !linux

package fsutil

// preferHugePages does nothing where madvise's MADV_HUGEPAGE does not
// exist (see hugepages_linux.go).
func preferHugePages([]byte) {}
