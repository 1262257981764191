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
	if model.MaskSecretsKeepTestCards(string(data)) != string(data) {
		return errors.New(filepath.Base(path) + " not written: it holds what looks like a card number or a secret key")
	}
	return fsutil.WriteFileAtomic(path, data, false)
}
