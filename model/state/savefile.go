package state

import (
	"errors"
	"path/filepath"

	"github.com/tokenscope/tokenscope/internal/fsutil"
	"github.com/tokenscope/tokenscope/model"
)

// SaveOutput writes a file meant to be handed on (a report, an exported
// scenario) at path, 0600 and atomically. It may name Stripe's published
// test cards, as their curl lines must; anything else MaskSecrets would
// mask (another card number, a key) refuses the write, as the state's
// own guard does.
func SaveOutput(path string, data []byte) error {
	if err := checkOutput(filepath.Base(path), data); err != nil {
		return err
	}
	return fsutil.WriteFileAtomic(path, data, false)
}

// SaveNewOutput writes data, under SaveOutput's guard, to a new file in
// dir named name or, when that is taken, name-2... (fsutil.WriteUnique),
// and returns its path: a file written each time (an export named for its
// second) never replaces another writer's.
func SaveNewOutput(dir, name string, data []byte) (string, error) {
	if err := checkOutput(name, data); err != nil {
		return "", err
	}
	return fsutil.WriteUnique(dir, name, data)
}

func checkOutput(name string, data []byte) error {
	if model.MaskSecretsKeepTestCards(string(data)) != string(data) {
		return errors.New(name + " not written: it holds what looks like a card number or a secret key")
	}
	return nil
}
