//go:build !linux

package emulator

// preferHugePages does nothing where madvise's MADV_HUGEPAGE does not
// exist (see hugepages_linux.go).
func preferHugePages([]byte) {}
