package fsutil

import (
	"fmt"
	"io"
	"io/fs"
	"os"

	"github.com/tokenscope/tokenscope/model"
)

// LinkError refuses a file tokenscope keeps (state.json, a lock) that is
// a symbolic link. Following it would read, chmod or create whatever file
// it points at; run as root, any file on the machine.
type LinkError struct {
	Path, Target string
	// Instead is what to do in place of pointing --state-dir at the
	// link's dir, for the flag that named the file (--out); empty means
	// the state dir's advice.
	Instead string
}

func (e *LinkError) Error() string {
	fix := e.Instead
	if fix == "" {
		fix = "point --state-dir at the dir that holds the file"
	}
	return fmt.Sprintf("refusing to use %s: it is a symbolic link (to %s), and tokenscope never follows links to the files it keeps, so that it reads and writes only files it made; if the link is yours, replace it by the file itself (mv %s %s) or %s",
		e.Path, e.Target, e.Target, e.Path, fix)
}

// LocalCode is LinkError's code in --json's error object.
func (e *LinkError) LocalCode() string { return model.CodeLinkRefused }

// OpenNoFollow opens path read-only without following a symbolic link:
// a link is a *LinkError, a missing file fs.ErrNotExist.
func OpenNoFollow(path string) (*os.File, error) {
	return openNoFollow(path, os.O_RDONLY, 0)
}

// openNoFollow is os.OpenFile with O_NOFOLLOW; where the open fails on a
// link, the error says so.
func openNoFollow(path string, flag int, perm fs.FileMode) (*os.File, error) {
	f, err := os.OpenFile(path, flag|noFollow, perm)
	if err != nil {
		if lerr := checkNotLink(path); lerr != nil {
			return nil, lerr
		}
		return nil, err
	}
	return f, nil
}

// ReadFileNoFollow is os.ReadFile through OpenNoFollow.
func ReadFileNoFollow(path string) ([]byte, error) {
	f, err := OpenNoFollow(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return io.ReadAll(f)
}

// checkNotLink is a *LinkError when path is a symbolic link.
func checkNotLink(path string) error {
	fi, err := os.Lstat(path)
	if err != nil || fi.Mode()&fs.ModeSymlink == 0 {
		return nil
	}
	target, _ := os.Readlink(path)
	return &LinkError{Path: path, Target: target}
}
