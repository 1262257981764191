package fsutil

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
)

// WriteFileAtomic replaces path with data so that a reader, or a process
// killed half way, only ever sees the old file or the new one: write a temp
// file (CreateTemp), fsync, rename over path. The temp file is
// made in path's own dir, never in a shared /tmp, and the result is
// FileMode even when the old file was looser. With backup set, the previous
// file is first kept as path+".backup". Once renamed into place the dir is
// fsynced too, so that the new file survives a power cut, not only a kill.
// A path that is a symbolic link is a *LinkError: the link is neither
// followed nor replaced.
func WriteFileAtomic(path string, data []byte, backup bool) error {
	if err := EnsureDir(filepath.Dir(path)); err != nil {
		return err
	}
	if err := checkNotLink(path); err != nil {
		return err
	}
	if backup {
		if err := keepBackup(path); err != nil {
			return fmt.Errorf("write backup: %w", err)
		}
	}
	return writeAtomic(path, data)
}

func writeAtomic(path string, data []byte) error {
	dir := filepath.Dir(path)
	// The temp name starts with "." and the file's name: the state's
	// and the emulator's tidies remove what a kill leaves of it.
	f, err := CreateTemp(dir, "."+filepath.Base(path)+".", ".tmp")
	if err != nil {
		return err
	}
	tmp, renamed := f.Name(), false
	defer func() {
		if !renamed {
			_ = os.Remove(tmp)
		}
	}()
	if err := f.Chmod(FileMode); err != nil { // exactly FileMode, whatever the umask
		f.Close()
		return err
	}
	if err := writeSynced(f, data); err != nil {
		return err
	}
	if err := os.Rename(tmp, path); err != nil {
		return err
	}
	renamed = true
	return syncDir(dir)
}

// writeSynced writes data to f, fsyncs it and closes it, returning the
// first error of the three.
func writeSynced(f *os.File, data []byte) error {
	_, err := f.Write(data)
	if err == nil {
		err = f.Sync()
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	return err
}

// syncDir fsyncs a dir, making the renames in it durable.
func syncDir(dir string) error {
	d, err := os.Open(dir)
	if err != nil {
		return err
	}
	defer d.Close()
	return d.Sync()
}

// keepBackup makes path+".backup" the current content of path. A hard link
// costs nothing however big the state is (copying 9 MB on every write would
// not), and renaming the link into place means a crash leaves either the
// older or the newer backup, never half of one. Where hard links are not
// supported it copies.
func keepBackup(path string) error {
	tmp := path + ".backup." + NewID()
	err := os.Link(path, tmp)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return nil // nothing written yet, nothing to keep
	case err != nil:
		old, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		return writeAtomic(path+".backup", old)
	}
	if err := os.Chmod(tmp, FileMode); err != nil {
		os.Remove(tmp)
		return err
	}
	err = os.Rename(tmp, path+".backup")
	// A rename between two links to one file (the backup a failed save
	// left is the file itself) does nothing and succeeds, leaving tmp:
	// one more backup.UUID per failed save. Removing tmp is then right,
	// and after a real rename finds nothing.
	if rerr := os.Remove(tmp); err == nil && rerr != nil && !errors.Is(rerr, fs.ErrNotExist) {
		err = rerr
	}
	return err
}
