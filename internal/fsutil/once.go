package fsutil

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
)

// ReadOrCreate returns the content of path, first making it (FileMode,
// in a dir EnsureDir accepts) with make's data if it is not there. Two
// processes racing to make it both read the one that won: the data is
// written to a temp file, synced and hard-linked into place, and a link
// never replaces a file, so path is never seen half written. It follows
// no symbolic link.
func ReadOrCreate(path string, make func() []byte) ([]byte, error) {
	data, err := ReadFileNoFollow(path)
	if !errors.Is(err, fs.ErrNotExist) {
		return data, err
	}
	dir := filepath.Dir(path)
	if err := EnsureDir(dir); err != nil {
		return nil, err
	}
	// The temp name starts with "." and the final name: the emulator's
	// tidy removes what a kill leaves of it.
	f, err := CreateTemp(dir, "."+filepath.Base(path)+".", ".tmp")
	if err != nil {
		return nil, err
	}
	tmp := f.Name()
	defer os.Remove(tmp)
	if err := writeSynced(f, make()); err != nil {
		return nil, err
	}
	if err := os.Link(tmp, path); err != nil && !errors.Is(err, fs.ErrExist) {
		return nil, err
	}
	if err := syncDir(dir); err != nil {
		return nil, err
	}
	return ReadFileNoFollow(path)
}
