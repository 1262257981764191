package fsutil

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"strings"
)

// maxUnique bounds the names WriteUnique tries: name, name-2, ... .
const maxUnique = 100

// WriteUnique writes data (FileMode, synced) to a new file in dir named
// name, or name with -2, -3... before its extension when that is taken,
// and returns its path. Each name is created with O_EXCL, so two writers
// in the same second (two terminals, two ssh guests) get a file each
// and neither replaces the other's; O_EXCL also refuses a symbolic link.
func WriteUnique(dir, name string, data []byte) (string, error) {
	if err := EnsureDir(dir); err != nil {
		return "", err
	}
	ext := filepath.Ext(name)
	stem := strings.TrimSuffix(name, ext)
	for i := 1; i <= maxUnique; i++ {
		path := filepath.Join(dir, name)
		if i > 1 {
			path = filepath.Join(dir, stem+"-"+strconv.Itoa(i)+ext)
		}
		f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_EXCL|noFollow, FileMode)
		if errors.Is(err, fs.ErrExist) {
			continue
		}
		if err != nil {
			return "", err
		}
		if err := writeSynced(f, data); err != nil {
			_ = os.Remove(path) // ours, half written
			return "", err
		}
		return path, syncDir(dir)
	}
	return "", errors.New(name + " not written: " + strconv.Itoa(maxUnique) + " files of that name are there already")
}
