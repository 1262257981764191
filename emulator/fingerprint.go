package emulator

import (
	"crypto/hmac"
	"crypto/rand"
	"crypto/sha256"
	"errors"
	"fmt"
	"hash"
	"io/fs"
	"path/filepath"
	"strconv"
	"sync"
	"syscall"

	"github.com/tokenscope/tokenscope/internal/fsutil"
	"github.com/tokenscope/tokenscope/model"
)

// keyName is the file in the state dir holding the emulator's secret key
// (0600, made once, by the first request that needs it).
const keyName = filePrefix + "secret.key"

const keySize = 32

// hashKey keys the emulator's hashes of what a request held: card and
// bank account fingerprints and idempotency request hashes. A plain hash
// of a bank account number is no secret: its 10^12 values are tried in
// seconds, so anyone who reads the state dir would read the numbers too.
// Keyed by a secret that lives only in the state dir (or only in memory),
// the fingerprints are as opaque as Stripe's, and the same number still
// gives the same fingerprint in every process sharing the dir.
type hashKey struct {
	path string // "" for a key kept in memory only

	once sync.Once
	key  []byte
	err  error
	// macs are HMACs under key, reset between uses: hmac.New costs more
	// than a token's whole fingerprint, and runs on every card request.
	macs sync.Pool
}

// newHashKey is the key of the state dir dir, read or made when first
// used; with dir "" a random key kept in memory.
func newHashKey(dir string) *hashKey {
	if dir == "" {
		k := &hashKey{key: randomKey()}
		k.once.Do(func() {})
		return k
	}
	return &hashKey{path: filepath.Join(dir, keyName)}
}

func randomKey() []byte {
	key := make([]byte, keySize)
	_, _ = rand.Read(key) // never fails on the platforms Go supports
	return key
}

func (k *hashKey) get() ([]byte, error) {
	k.once.Do(func() {
		k.key, k.err = fsutil.ReadOrCreate(k.path, randomKey)
		if errors.Is(k.err, fs.ErrPermission) || errors.Is(k.err, syscall.EROFS) {
			// A state dir this process may only read: it writes
			// nothing, so a key of its own serves its reads.
			k.key, k.err = randomKey(), nil
		}
		if k.err == nil && len(k.key) != keySize {
			k.err = model.Fault(model.CodeEmulatorCorrupt, fmt.Errorf("emulator: %s is damaged (%d bytes, not %d); move it away to start afresh (fingerprints made with it will change)", k.path, len(k.key), keySize))
		} else if k.err != nil {
			k.err = fmt.Errorf("emulator: secret key: %w", k.err)
		}
	})
	return k.key, k.err
}

// sum is the HMAC-SHA256 of parts under the key.
func (k *hashKey) sum(parts ...string) ([]byte, error) {
	key, err := k.get()
	if err != nil {
		return nil, err
	}
	mac, _ := k.macs.Get().(hash.Hash)
	if mac == nil {
		mac = hmac.New(sha256.New, key)
	}
	var buf [64]byte
	for _, p := range parts {
		// A length before each part: ("ab","c") and ("a","bc") differ.
		b := append(strconv.AppendInt(buf[:0], int64(len(p)), 10), ':')
		mac.Write(b)
		mac.Write([]byte(p))
	}
	sum := mac.Sum(nil)
	mac.Reset()
	k.macs.Put(mac)
	return sum, nil
}

// fingerprint identifies a card or bank account without revealing it, like
// Stripe's: the same number always gives the same 16 characters. Only the
// fingerprint is kept; the number itself never reaches the state file. A
// key that cannot be read fails the request (o.err).
func (o *objects) fingerprint(kind, number string) string {
	sum, err := o.key.sum("fingerprint", kind, number)
	if err != nil {
		o.fail(err)
		return ""
	}
	return toBase62(sum[:16])
}
