package emulator

import (
	"os"
	"syscall"
)

// syncFile is the commit leader's fsync of the logs (commit.go); tests
// replace it to slow down, count or fail the commits.
var syncFile = fsyncKeepingP

// fsyncKeepingP fsyncs f without telling the Go scheduler that a system
// call is running, so the thread keeps its P for the fsync's few hundred
// microseconds. Told (os.File.Sync), the scheduler hands the P to another
// thread after 20 µs, wakes or starts one to run it, and must find a P
// again when the fsync returns; its monitor, having found work, keeps
// polling every 20 µs. Under the 16-client load that was a tenth of the
// emulator's CPU for no work done, and, measured in rounds taking turns
// against the same stripe-mock, about 5% of its throughput. The price: a
// garbage collection cannot stop the world while the fsync runs, so a
// slow disk delays every request a little more; they are waiting for that
// fsync anyway. Only the commit path uses it: a snapshot's fsync, which
// may write many megabytes, tells the scheduler (os.File.Sync).
func fsyncKeepingP(f *os.File) error {
	rc, err := f.SyscallConn()
	if err != nil {
		return err
	}
	var errno syscall.Errno
	if err := rc.Control(func(fd uintptr) {
		_, _, errno = syscall.RawSyscall(syscall.SYS_FSYNC, fd, 0, 0)
	}); err != nil {
		return err
	}
	if errno != 0 {
		return &os.PathError{Op: "sync", Path: f.Name(), Err: errno}
	}
	return nil
}
