package state

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/tokenscope/tokenscope/internal/fsutil"
)

// FileName is the state file's name in the state dir.
const FileName = "state.json"

// Defaults for Options.
const (
	DefaultMaxTokens = 1000
	// DefaultLockTimeout is how long Update waits for another tokenscope
	// that is writing. Terraform fails at once by default (-lock-timeout=0s),
	// but tokenscope's writes last milliseconds and two of them at the same
	// moment (the TUI and a headless create) are normal, so it waits.
	DefaultLockTimeout = 10 * time.Second
)

// Options configure a Store.
type Options struct {
	Dir string // the state dir; made 0700 on the first write
	// MaxTokens is how many tokens each workspace keeps, newest first:
	// 0 means DefaultMaxTokens, a negative number keeps them all.
	MaxTokens int
	// LockTimeout is how long Update waits for the lock: 0 means
	// DefaultLockTimeout, a negative number fails at once if it is held.
	LockTimeout time.Duration
	// Who names the lock holder; "" means user@host.
	Who string
	// OnWait is called once when Update has to wait for the lock; the CLI
	// prints "Acquiring state lock. This may take a few moments...".
	OnWait func()
}

// Store reads and writes state.json in one state dir. It keeps nothing in
// memory: every Update reads the file afresh under the lock, so any number
// of Stores and processes can share the dir.
type Store struct {
	opts Options
}

// Open checks the options; it does not touch the disk. The state dir is
// made (0700, or tightened, see EnsureDir) by the first write, so reading
// commands work in a dir this user cannot write or chmod.
func Open(opts Options) (*Store, error) {
	if opts.Dir == "" {
		return nil, errors.New("state: no state dir given")
	}
	if opts.MaxTokens == 0 {
		opts.MaxTokens = DefaultMaxTokens
	}
	if opts.LockTimeout == 0 {
		opts.LockTimeout = DefaultLockTimeout
	}
	if opts.Who == "" {
		opts.Who = defaultWho()
	}
	return &Store{opts: opts}, nil
}

// Prepare makes the state dir ready for a write (EnsureDir) and proves it
// can be written by making and removing a file in it, without writing the
// state, so a caller can learn that it cannot record before it asks the
// API for something to record. A probe is portable where reading the mode
// bits is not (root, ACLs, read-only mounts). The probe's name starts as
// renameio's temp files do, so removeOrphans clears one left by a kill.
func (s *Store) Prepare() error {
	if err := fsutil.EnsureDir(s.opts.Dir); err != nil {
		return err
	}
	f, err := createTemp(s.opts.Dir, "."+FileName+".probe*")
	if err != nil {
		var pe *fs.PathError
		if errors.As(err, &pe) {
			err = pe.Err // the dir is named already
		}
		return fmt.Errorf("cannot write to the state dir %s (%v): make it writable, or choose another dir with --state-dir", s.opts.Dir, err)
	}
	f.Close()
	os.Remove(f.Name())
	return nil
}

// createTemp is os.CreateTemp; tests replace it to fail as it does in a
// dir this user cannot write, which a test running as root cannot see.
var createTemp = os.CreateTemp

// Dir is the state dir.
func (s *Store) Dir() string { return s.opts.Dir }

// Path is the state file.
func (s *Store) Path() string { return filepath.Join(s.opts.Dir, FileName) }

// Load reads the state without locking (a rename is atomic, so the file is
// always whole). A missing file is an empty state. A file that cannot be
// read or parsed is an error that points at the backup; Load never falls
// back to an empty state, which the next write would save over the tokens.
func (s *Store) Load() (*State, error) {
	f, err := os.Open(s.Path())
	if errors.Is(err, fs.ErrNotExist) {
		return &State{Version: Version, Workspaces: map[string]*Workspace{}}, nil
	}
	if err != nil {
		return nil, s.unreadable(err)
	}
	defer f.Close()
	st, err := decode(f)
	if err != nil {
		return nil, s.unreadable(err)
	}
	return st, nil
}

func (s *Store) unreadable(err error) error {
	backup := s.Path() + ".backup"
	hint := "There is no " + backup + " to restore from. Nothing was changed."
	if _, statErr := os.Stat(backup); statErr == nil {
		hint = "The previous state is in " + backup + ": check it (tokenscope keeps it 0600) and copy it over " + s.Path() + " to restore it. Nothing was changed."
	}
	return fmt.Errorf("cannot read state %s: %w\n%s", s.Path(), err, hint)
}

// Update changes the state under the lock: it takes the lock (waiting up to
// LockTimeout), reloads the file so that writes of other processes are kept,
// calls fn, keeps MaxTokens tokens per workspace, bumps the serial and
// writes atomically with the previous file as state.json.backup. If fn
// returns an error, or the result holds a secret, nothing is written and
// the error is returned. op names the operation in the lock info.
func (s *Store) Update(ctx context.Context, op string, fn func(*State) error) (*State, error) {
	unlock, err := s.lock(ctx, op)
	if errors.Is(err, fs.ErrPermission) {
		return nil, fmt.Errorf("cannot write to the state dir %s (%w); nothing was changed", s.Dir(), err)
	}
	if err != nil {
		return nil, err
	}
	defer unlock()
	s.removeOrphans()
	st, err := s.Load()
	if err != nil {
		return nil, err
	}
	if err := fn(st); err != nil {
		return nil, err
	}
	for _, w := range st.Workspaces {
		if w != nil {
			w.trim(s.opts.MaxTokens)
		}
	}
	st.Version = Version
	if st.Lineage == "" {
		st.Lineage = fsutil.NewID()
	}
	st.Serial++
	data, err := encode(st)
	if err != nil {
		return nil, fmt.Errorf("encode state: %w", err)
	}
	if err := fsutil.CheckSecrets(data); err != nil {
		return nil, fmt.Errorf("refusing to write the state: %w", err)
	}
	if err := fsutil.WriteFileAtomic(s.Path(), data, true); err != nil {
		return nil, fmt.Errorf("write state %s: %w", s.Path(), err)
	}
	return st, nil
}

// removeOrphans deletes the temp files of a process killed while writing
// (".state.json123…" from renameio, "state.json.backup.<id>" from
// keepBackup), which would otherwise pile up, 9 MB each for a big state.
// Every writer of these names holds the lock, so under the lock any that
// exist are orphans.
func (s *Store) removeOrphans() {
	entries, err := os.ReadDir(s.Dir())
	if err != nil {
		return // Load reports what is wrong with the dir
	}
	for _, e := range entries {
		name := e.Name()
		if strings.HasPrefix(name, "."+FileName) || strings.HasPrefix(name, FileName+".backup.") {
			os.Remove(filepath.Join(s.Dir(), name))
		}
	}
}
