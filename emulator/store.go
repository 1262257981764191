package emulator

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"time"

	"github.com/tokenscope/tokenscope/internal/fsutil"
)

// FileName is the emulator's file inside Options.Dir.
const FileName = "emulator.json"

const (
	dbVersion   = 1
	lockTimeout = 30 * time.Second
	// idempotencyTTL is how long Stripe keeps idempotency keys (at least 24h).
	idempotencyTTL = 24 * time.Hour
)

// db is everything the emulator knows: the content of emulator.json.
type db struct {
	Version     int                     `json:"version"`
	Tokens      map[string]*tokenRec    `json:"tokens"`
	Customers   map[string]*customerRec `json:"customers"`
	Charges     map[string]*chargeRec   `json:"charges"`
	Idempotency map[string]*idemRec     `json:"idempotency"`

	dirty bool // changed since loaded: write it back
}

func newDB() *db {
	return &db{
		Version:     dbVersion,
		Tokens:      map[string]*tokenRec{},
		Customers:   map[string]*customerRec{},
		Charges:     map[string]*chargeRec{},
		Idempotency: map[string]*idemRec{},
	}
}

func (d *db) putToken(t *tokenRec)       { d.Tokens[t.ID] = t; d.dirty = true }
func (d *db) putCustomer(c *customerRec) { d.Customers[c.ID] = c; d.dirty = true }
func (d *db) putCharge(c *chargeRec)     { d.Charges[c.ID] = c; d.dirty = true }
func (d *db) putIdem(key string, r *idemRec) {
	d.Idempotency[key] = r
	d.dirty = true
}

// markUsed consumes a stored token (magic tokens are never stored, so never
// consumed).
func (d *db) markUsed(t *tokenRec) {
	t.Used = true
	d.dirty = true
}

// pruneIdempotency forgets keys older than Stripe keeps them.
func (d *db) pruneIdempotency(now time.Time) {
	for k, r := range d.Idempotency {
		if now.Sub(time.Unix(r.Created, 0)) > idempotencyTTL {
			delete(d.Idempotency, k)
			d.dirty = true
		}
	}
}

// store holds the db, in memory only or backed by a file shared with other
// processes. It is not safe for concurrent use: the Emulator's mutex guards it.
//
// With a file, every write takes the file lock, re-reads the file if another
// process changed it, applies the change and writes the file atomically; reads
// re-read the file only when its identity, size or mod time changed, so a GET
// costs one stat when nothing happened.
type store struct {
	path string
	db   *db
	seen os.FileInfo // the file as last loaded or written; nil = none yet
}

func openStore(dir string) (*store, error) {
	s := &store{db: newDB()}
	if dir == "" {
		return s, nil
	}
	// No EnsureDir here: the first write makes (or tightens) the dir, so
	// starting the emulator for a command that only reads needs no write
	// or chmod permission on a dir that may not be this user's.
	s.path = filepath.Join(dir, FileName)
	if err := s.refresh(); err != nil {
		return nil, err
	}
	return s, nil
}

// refresh reloads the file if it changed since it was last seen.
func (s *store) refresh() error {
	if s.path == "" {
		return nil
	}
	fi, err := os.Stat(s.path)
	if errors.Is(err, os.ErrNotExist) {
		return nil
	}
	if err != nil {
		return fmt.Errorf("emulator: %w", err)
	}
	if s.unchanged(fi) {
		return nil
	}
	return s.load()
}

func (s *store) unchanged(fi os.FileInfo) bool {
	return s.seen != nil && os.SameFile(s.seen, fi) &&
		fi.Size() == s.seen.Size() && fi.ModTime().Equal(s.seen.ModTime())
}

// load reads the file through one open descriptor, so the FileInfo recorded
// is that of the bytes parsed even if the file is replaced meanwhile.
func (s *store) load() error {
	f, err := os.Open(s.path)
	if err != nil {
		return fmt.Errorf("emulator: %w", err)
	}
	defer f.Close()
	fi, err := f.Stat()
	if err != nil {
		return fmt.Errorf("emulator: %w", err)
	}
	data, err := io.ReadAll(f)
	if err != nil {
		return fmt.Errorf("emulator: read %s: %w", s.path, err)
	}
	d := newDB()
	if err := json.Unmarshal(data, d); err != nil {
		return fmt.Errorf("emulator: %s is not valid: %w", s.path, err)
	}
	if d.Version != dbVersion {
		return fmt.Errorf("emulator: %s has version %d, want %d", s.path, d.Version, dbVersion)
	}
	s.db, s.seen = d, fi
	return nil
}

// update runs fn on the current db and persists what it changed. With a file,
// fn runs under the file lock on a freshly reloaded db, so two processes
// writing at once both land.
func (s *store) update(ctx context.Context, now time.Time, fn func(*db)) error {
	if s.path == "" {
		s.db.pruneIdempotency(now)
		fn(s.db)
		s.db.dirty = false
		return nil
	}
	unlock, err := fsutil.Lock(ctx, s.path+".lock", lockTimeout, nil)
	if err != nil {
		return fmt.Errorf("emulator: %w", err)
	}
	defer unlock()
	if err := s.refresh(); err != nil {
		return err
	}
	s.db.pruneIdempotency(now)
	fn(s.db)
	if !s.db.dirty {
		return nil
	}
	if err := s.write(); err != nil {
		// Forget the change that did not land: the next request reloads
		// what the file holds.
		s.db, s.seen = newDB(), nil
		return err
	}
	return nil
}

func (s *store) write() error {
	data, err := json.Marshal(s.db)
	if err != nil {
		return fmt.Errorf("emulator: encode: %w", err)
	}
	// The state file's guard: whatever a request carried into a stored
	// field (a name, a description), no card number or key reaches disk.
	if err := fsutil.CheckSecrets(data); err != nil {
		return fmt.Errorf("emulator: refusing to write %s: %w", s.path, err)
	}
	if err := fsutil.WriteFileAtomic(s.path, data, false); err != nil {
		return fmt.Errorf("emulator: write %s: %w", s.path, err)
	}
	fi, err := os.Stat(s.path)
	if err != nil {
		return fmt.Errorf("emulator: %w", err)
	}
	s.db.dirty, s.seen = false, fi
	return nil
}
