package sshserver

import (
	"crypto/sha256"
	"encoding/hex"
	"path/filepath"
	"sync"

	"github.com/charmbracelet/ssh"

	"github.com/tokenscope/tokenscope/emulator"
)

// emulators are the offline backends of the SSH keys that have a session
// open: one emulator per key, so an id seen on the projector is no way into
// another attendee's tokens (it is resource_missing to them), shared by
// that key's concurrent sessions as two local tokenscopes share one. Each
// keeps its objects in <state dir>/serve/<KeyDir>/ (0700), so a key finds
// them again when it reconnects; an emulator is let go when its key's last
// connection ends, so memory follows the sessions, not every key ever seen.
type emulators struct {
	dir string // <state dir>/serve

	mu   sync.Mutex
	open map[string]*keyEmulator // by KeyDir
}

type keyEmulator struct {
	emu   *emulator.Emulator
	users int // acquired and not yet released
}

func newEmulators(stateDir string) *emulators {
	return &emulators{dir: filepath.Join(stateDir, "serve"), open: map[string]*keyEmulator{}}
}

// acquire is key's emulator, opened on its first session; release must be
// called once the session is over.
func (es *emulators) acquire(key ssh.PublicKey) (emu *emulator.Emulator, release func(), err error) {
	name := KeyDir(key)
	es.mu.Lock()
	defer es.mu.Unlock()
	ke := es.open[name]
	if ke == nil {
		// The emulator's first write makes the dirs 0700 (fsutil.EnsureDir).
		e, err := emulator.New(emulator.Options{Dir: filepath.Join(es.dir, name)})
		if err != nil {
			return nil, nil, err
		}
		ke = &keyEmulator{emu: e}
		es.open[name] = ke
	}
	ke.users++
	var once sync.Once
	return ke.emu, func() { once.Do(func() { es.release(name) }) }, nil
}

func (es *emulators) release(name string) {
	es.mu.Lock()
	defer es.mu.Unlock()
	if ke := es.open[name]; ke != nil {
		if ke.users--; ke.users == 0 {
			delete(es.open, name)
			_ = ke.emu.Close() // its objects are stored; nothing is lost
		}
	}
}

// KeyDir is the directory name of key's offline emulator under
// <state dir>/serve: the hex of the SHA-256 its fingerprint encodes in
// base64 ("SHA256:…" has '/' and '+', and case-insensitive file systems
// would fold base64).
func KeyDir(key ssh.PublicKey) string {
	sum := sha256.Sum256(key.Marshal())
	return hex.EncodeToString(sum[:])
}
