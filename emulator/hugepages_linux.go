package emulator

import "syscall"

// hugePagesMin is the least buffer worth asking huge pages for: two of
// them (2 MiB each on amd64 and arm64).
const hugePagesMin = 4 << 20

// preferHugePages asks the kernel to back buf with huge pages before it is
// first written. Start-up reads the whole log or snapshot into one buffer
// (38 MB for 100,000 tokens); in 4 KiB pages that is ~10,000 page faults,
// which cost more CPU than decoding it. Where transparent huge pages are
// "madvise" (a common default) the advice turns them into a few dozen. It
// is advice: a kernel without them ignores it, and so does this.
func preferHugePages(buf []byte) {
	if len(buf) >= hugePagesMin {
		_ = syscall.Madvise(buf, syscall.MADV_HUGEPAGE)
	}
}
