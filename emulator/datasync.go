package emulator

import (
	"os"
	"syscall"
)

// syncFile is the commit leader's sync of the logs (commit.go); tests
// replace it to slow down, count or fail the commits.
var syncFile = datasyncKeepingP

// datasyncKeepingP makes what was written to f durable, as fdatasync does:
// the data, and of the metadata only what reading the data needs (the
// size where it grew); a log's times are not worth a wait for the disk,
// and with the padding ahead of the records (padding.go) an fdatasync
// writes nothing but the records and the device's cache flush.
//
// It does so without telling the Go scheduler that a system
// call is running, so the thread keeps its P for the sync's few hundred
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
func datasyncKeepingP(f *os.File) error {
	rc, err := f.SyscallConn()
	if err != nil {
		return err
	}
	var errno syscall.Errno
	if err := rc.Control(func(fd uintptr) {
		_, _, errno = syscall.RawSyscall(syscall.SYS_FDATASYNC, fd, 0, 0)
	}); err != nil {
		return err
	}
	if errno != 0 {
		return &os.PathError{Op: "sync", Path: f.Name(), Err: errno}
	}
	return nil
}
