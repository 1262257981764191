package state

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"math"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/tokenscope/tokenscope/internal/fsutil"
	"github.com/tokenscope/tokenscope/model"
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
// the atomic writes' temp files do, so removeOrphans clears one left by a kill.
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
		return model.Fault(model.CodeStateUnwritable, fmt.Errorf("cannot write to the state dir %s (%v): make it writable, or choose another dir with --state-dir", s.opts.Dir, err))
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

// MaxTokens is how many tokens each workspace keeps (a negative number:
// all of them).
func (s *Store) MaxTokens() int { return s.opts.MaxTokens }

// Path is the state file.
func (s *Store) Path() string { return filepath.Join(s.opts.Dir, FileName) }

// Load reads the state without locking (a rename is atomic, so the file is
// always whole). A missing file is an empty state. A file that cannot be
// read or parsed is an error that points at the backup; Load never falls
// back to an empty state, which the next write would save over the tokens.
// A state.json that is a symbolic link is refused, not followed: reading
// it would merge whatever file it points at into the state, and the next
// write would replace the link.
func (s *Store) Load() (*State, error) {
	f, err := fsutil.OpenNoFollow(s.Path())
	if errors.Is(err, fs.ErrNotExist) {
		return &State{Version: Version, Workspaces: map[string]*Workspace{}}, nil
	}
	var link *fsutil.LinkError
	if errors.As(err, &link) {
		return nil, fmt.Errorf("%w; nothing was read or changed", err)
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
	if errors.Is(err, errNewer) {
		hint = "Nothing was changed."
	}
	return model.Fault(model.CodeStateCorrupt, fmt.Errorf("cannot read state %s: %w\n%s", s.Path(), err, hint))
}

// Update changes the state under the lock: it takes the lock (waiting up to
// LockTimeout), reloads the file so that writes of other processes are kept,
// calls fn, and saves the result (Locked.Save). If fn returns an error, or
// the result cannot be saved, nothing is written and the error is
// returned. op names the operation in the lock info.
func (s *Store) Update(ctx context.Context, op string, fn func(*State) error) (*State, error) {
	var st *State
	err := s.Hold(ctx, op, func(l *Locked) error {
		if err := fn(l.State()); err != nil {
			return err
		}
		st = l.State()
		return l.Save()
	})
	if err != nil {
		return nil, err
	}
	return st, nil
}

// Hold takes the lock (waiting up to LockTimeout), loads the state afresh
// and calls fn, which may change it and Save it any number of times
// before the lock is released: a write-ahead record is saved before a
// request is sent, and its answer after, under one lock. op names the
// operation in the lock info.
func (s *Store) Hold(ctx context.Context, op string, fn func(*Locked) error) error {
	unlock, err := s.lock(ctx, op)
	if errors.Is(err, fs.ErrPermission) {
		return model.Fault(model.CodeStateUnwritable, fmt.Errorf("cannot write to the state dir %s (%w); nothing was changed", s.Dir(), err))
	}
	if err != nil {
		return err
	}
	defer unlock()
	s.removeOrphans()
	st, err := s.Load()
	if err != nil {
		return err
	}
	return fn(&Locked{store: s, st: st})
}

// Locked is the state while Hold holds the lock.
type Locked struct {
	store *Store
	st    *State
	keep  func(*Workspace, model.Record) bool
	// unsaved: the last Save failed, so st holds changes the file does
	// not.
	unsaved bool
}

// Keep makes every later Save keep the tokens keep reports whatever their
// age, dropping older others instead when a workspace holds more than
// MaxTokens: an apply keeps the tokens of its file, which would otherwise
// push its own first tokens out, to be made (and charged) again by the
// next apply.
func (l *Locked) Keep(keep func(*Workspace, model.Record) bool) { l.keep = keep }

// Reload reads the state afresh, as Hold does when it takes the lock, for
// a caller that keeps the lock across several writes (an apply): what an
// earlier write changed and did not save is dropped, as a new Hold would.
func (l *Locked) Reload() error {
	st, err := l.store.Load()
	if err != nil {
		return err
	}
	l.st, l.unsaved = st, false
	return nil
}

// Unsaved reports whether the last Save failed: the state then holds
// changes the file does not, which Reload drops.
func (l *Locked) Unsaved() bool { return l.unsaved }

// State is the state as loaded under the lock, with the changes made to
// it since.
func (l *Locked) State() *State { return l.st }

// Save writes the state: it keeps MaxTokens tokens per workspace, bumps
// the serial and writes atomically (fsynced) with the previous file as
// state.json.backup. A state that holds a secret, or whose serial cannot
// be bumped, is not written.
func (l *Locked) Save() error {
	st := l.st
	for _, w := range st.Workspaces {
		if w != nil {
			w.trim(l.store.opts.MaxTokens, l.keep)
		}
	}
	st.Version = st.format()
	if st.Lineage == "" {
		st.Lineage = fsutil.NewID()
	}
	if st.Serial < 0 || st.Serial == math.MaxInt64 {
		l.unsaved = true
		return fmt.Errorf("refusing to write the state: its serial %d cannot be bumped (a serial counts writes from 0 up to %d; was %s edited?); set \"serial\" in it to the number of writes you believe it has seen, or 0", st.Serial, int64(math.MaxInt64), l.store.Path())
	}
	st.Serial++
	data, err := encode(st)
	if err == nil {
		err = fsutil.CheckSecrets(data)
		if err != nil {
			err = fmt.Errorf("refusing to write the state: %w", err)
		}
	} else {
		err = fmt.Errorf("encode state: %w", err)
	}
	if err == nil {
		if err = fsutil.WriteFileAtomic(l.store.Path(), data, true); err != nil {
			err = fmt.Errorf("write state %s: %w", l.store.Path(), err)
		}
	}
	l.unsaved = err != nil
	if err != nil {
		st.Serial-- // not written: the next Save writes this serial
		return err
	}
	return nil
}

// removeOrphans deletes the temp files of a process killed while writing
// (".state.json.<letters>.tmp" from fsutil.WriteFileAtomic, "state.json.backup.<id>" from
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
