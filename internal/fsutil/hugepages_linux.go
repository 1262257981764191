package fsutil

import "syscall"

// hugePagesMin is the least buffer worth asking huge pages for: two of
// them (2 MiB each on amd64 and arm64).
const hugePagesMin = 4 << 20

// preferHugePages asks the kernel to back buf with huge pages before it is
// first written. A 38 MB buffer in 4 KiB pages is ~10,000 page faults,
// which cost more CPU than decoding what it holds (measured: a third of
// an emulator's start-up with 100,000 tokens, a third of a 10,000-token
// state's load). Where transparent huge pages are "madvise" (a common
// default) the advice turns them into a few dozen. It is advice: a kernel
// without them ignores it, and so does this.
func preferHugePages(buf []byte) {
	if len(buf) >= hugePagesMin {
		_ = syscall.Madvise(buf, syscall.MADV_HUGEPAGE)
	}
}
