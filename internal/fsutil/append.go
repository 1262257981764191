package fsutil

import (
	"os"
	"path/filepath"
)

// OpenAppend opens path for appending (created FileMode), never following
// a symbolic link: each write lands at the end, whoever else appends.
func OpenAppend(path string) (*os.File, error) {
	if err := EnsureDir(filepath.Dir(path)); err != nil {
		return nil, err
	}
	return openNoFollow(path, os.O_WRONLY|os.O_APPEND|os.O_CREATE, FileMode)
}
