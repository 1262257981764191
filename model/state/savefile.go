package state

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"

	"github.com/tokenscope/tokenscope/internal/fsutil"
	"github.com/tokenscope/tokenscope/model"
)

// SaveOutput writes a file meant to be handed on (a report, an exported
// scenario) at path, 0600 and atomically. It may name Stripe's published
// test cards, as their curl lines must; anything else MaskSecrets would
// mask (another card number, a key) refuses the write, as the state's
// own guard does.
//
// Its dir must exist: a typo in the path is reported, not made into dirs
// (at / when run as root). A path that is a dir is refused by name.
func SaveOutput(path string, data []byte) error {
	if err := CheckOutput(filepath.Base(path)+" not written", data); err != nil {
		return err
	}
	if fi, err := os.Stat(path); err == nil && fi.IsDir() {
		return model.Fault(model.CodeOutputPathRefused, fmt.Errorf("%s is a directory: name the file to write, such as %s", path, filepath.Join(path, "export.hcl")))
	}
	dir := filepath.Dir(path)
	if fi, err := os.Stat(dir); errors.Is(err, fs.ErrNotExist) {
		return model.Fault(model.CodeOutputPathRefused, fmt.Errorf("%s not written: no such directory %s (tokenscope makes no dir for a file it hands on)", path, dir))
	} else if err == nil && !fi.IsDir() {
		return model.Fault(model.CodeOutputPathRefused, fmt.Errorf("%s not written: %s is not a directory", path, dir))
	}
	return fsutil.WriteFileAtomic(path, data, false)
}

// SaveNewOutput writes data, under SaveOutput's guard, to a new file in
// dir named name or, when that is taken, name-2... (fsutil.WriteUnique),
// and returns its path: a file written each time (an export named for its
// second) never replaces another writer's.
func SaveNewOutput(dir, name string, data []byte) (string, error) {
	if err := CheckOutput(name+" not written", data); err != nil {
		return "", err
	}
	return fsutil.WriteUnique(dir, name, data)
}

// CheckOutput refuses data handed on (written to a file, or copied to a
// serve guest's clipboard in its place) that holds what MaskSecrets would
// mask, Stripe's published test cards aside; refused names what was not
// done ("export.hcl not written").
func CheckOutput(refused string, data []byte) error {
	if model.MaskSecretsKeepTestCards(string(data)) != string(data) {
		return errors.New(refused + ": it holds what looks like a card number or a secret key")
	}
	return nil
}
