package fsutil

import (
	"crypto/rand"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
)

// tempLetters is how many random letters a temp file's name gets: 26^12
// names, so a clash (retried) all but never happens.
const tempLetters = 12

// CreateTemp makes a new file in dir named prefix, random letters and
// suffix, FileMode, exclusively (O_EXCL), open for writing. Letters, not
// the digits of os.CreateTemp and renameio: an error that names the file
// is printed through the card-number mask (model.MaskSecrets), which
// reads a long run of digits as a card number and would hide the real
// name behind "••••".
func CreateTemp(dir, prefix, suffix string) (*os.File, error) {
	var name string
	for range 16 {
		name = filepath.Join(dir, prefix+randomLetters(tempLetters)+suffix)
		f, err := os.OpenFile(name, os.O_RDWR|os.O_CREATE|os.O_EXCL|noFollow, FileMode)
		if !errors.Is(err, fs.ErrExist) {
			return f, err
		}
	}
	return nil, &fs.PathError{Op: "create temp", Path: name, Err: fs.ErrExist}
}

// randomLetters is n random lower-case letters.
func randomLetters(n int) string {
	b := make([]byte, n)
	_, _ = rand.Read(b) // crypto/rand.Read never fails on supported platforms
	for i := range b {
		b[i] = 'a' + b[i]%26
	}
	return string(b)
}
