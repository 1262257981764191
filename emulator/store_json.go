package emulator

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sync"
	"time"

	"github.com/tokenscope/tokenscope/internal/fsutil"
)

// FileName is the JSON store's file inside the state dir.
const FileName = "emulator.json"

const (
	// lockTimeout is how long a write waits for another process's write;
	// each takes milliseconds, so only a stuck process makes it run out.
	lockTimeout = 30 * time.Second
)

// jsonStore keeps the objects in one JSON file, emulator.json, shared with
// every process using the same dir: {"version": 1, "tokens": {id: object},
// ..., "idempotency": {key: record}}.
//
// Every Update takes the file lock, re-reads the file if another process
// changed it, applies the change and rewrites the file atomically; a View
// re-reads the file only when its identity, size or mod time changed, so a
// GET costs one stat when nothing happened. Rewriting the whole file per
// write is what makes it slow as it fills, which the log-structured store
// of a later issue answers.
type jsonStore struct {
	path string

	mu   sync.Mutex // guards st and seen
	st   *memState
	seen os.FileInfo // the file as last loaded or written; nil = none yet
}

// OpenJSONStore opens dir's emulator.json. It reads the file if there is
// one and writes nothing: the first Update makes (or tightens) the dir, so
// starting the emulator for a command that only reads needs no write or
// chmod permission on a dir that may not be this user's.
func OpenJSONStore(dir string) (Store, error) {
	s := &jsonStore{path: filepath.Join(dir, FileName), st: newMemState()}
	if err := s.refresh(); err != nil {
		return nil, err
	}
	return s, nil
}

func (s *jsonStore) View(_ context.Context, fn func(Reader) error) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if err := s.refresh(); err != nil {
		return err
	}
	return fn(stateView{st: s.st})
}

// Update runs fn under the file lock on the file's current content, so two
// processes writing at once both land.
func (s *jsonStore) Update(ctx context.Context, fn func(Tx) error) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	unlock, err := fsutil.Lock(ctx, s.path+".lock", lockTimeout, nil)
	if err != nil {
		return fmt.Errorf("emulator: %w", err)
	}
	defer unlock()
	if err := s.refresh(); err != nil {
		return err
	}
	t := newTx(stateView{st: s.st})
	if err := fn(t); err != nil {
		return err
	}
	ops, _ := s.st.plan(t, limits{}, time.Now())
	if len(ops) == 0 {
		return nil
	}
	for _, o := range ops {
		s.st.apply(o)
	}
	if err := s.write(); err != nil {
		// Forget the change that did not land: the next request reloads
		// what the file holds.
		s.st, s.seen = newMemState(), nil
		return err
	}
	return nil
}

func (s *jsonStore) Close() error { return nil }

// refresh reloads the file if it changed since it was last seen.
func (s *jsonStore) refresh() error {
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

func (s *jsonStore) unchanged(fi os.FileInfo) bool {
	return s.seen != nil && os.SameFile(s.seen, fi) &&
		fi.Size() == s.seen.Size() && fi.ModTime().Equal(s.seen.ModTime())
}

// load reads the file through one open descriptor, so the FileInfo recorded
// is that of the bytes parsed even if the file is replaced meanwhile.
func (s *jsonStore) load() error {
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
	st, err := decodeJSONFile(data)
	if err != nil {
		return fmt.Errorf("emulator: %s is not valid: %w", s.path, err)
	}
	s.st, s.seen = st, fi
	return nil
}

func (s *jsonStore) write() error {
	data, err := encodeJSONFile(s.st)
	if err != nil {
		return fmt.Errorf("emulator: encode: %w", err)
	}
	if err := fsutil.WriteFileAtomic(s.path, data, false); err != nil {
		return fmt.Errorf("emulator: write %s: %w", s.path, err)
	}
	fi, err := os.Stat(s.path)
	if err != nil {
		return fmt.Errorf("emulator: %w", err)
	}
	s.seen = fi
	return nil
}
