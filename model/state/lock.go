package state

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"os/user"
	"strings"
	"time"

	json "github.com/go-json-experiment/json/v1"

	"github.com/tokenscope/tokenscope/internal/fsutil"
	"github.com/tokenscope/tokenscope/model"
)

// LockInfo says who holds the state lock, as Terraform's
// .terraform.tfstate.lock.info does. It is written next to the lock while
// the lock is held so that a waiting process can tell the user who to ask.
type LockInfo struct {
	ID        string    `json:"ID"`        // random; `tokenscope force-unlock ID` names the lock by it
	Operation string    `json:"Operation"` // create, use, refresh, apply, state rm, …
	Who       string    `json:"Who"`       // user@host, or Options.Who
	PID       int       `json:"PID"`
	Created   time.Time `json:"Created"`
	Path      string    `json:"Path"` // the state file the lock protects
}

// String renders the info as Terraform's "Lock Info:" block.
func (i *LockInfo) String() string {
	var b strings.Builder
	b.WriteString("Lock Info:\n")
	fmt.Fprintf(&b, "  ID:        %s\n", i.ID)
	fmt.Fprintf(&b, "  Path:      %s\n", i.Path)
	fmt.Fprintf(&b, "  Operation: %s\n", i.Operation)
	fmt.Fprintf(&b, "  Who:       %s (pid %d)\n", i.Who, i.PID)
	fmt.Fprintf(&b, "  Created:   %s\n", i.Created.UTC().Format("2006-01-02 15:04:05.999999999 -0700 MST"))
	return b.String()
}

// LockError is returned by Update when another process keeps the lock for
// the whole LockTimeout.
type LockError struct {
	Info *LockInfo // nil when the holder has not written its info (yet)
	Err  error
}

func (e *LockError) Error() string {
	var b strings.Builder
	b.WriteString("Error acquiring the state lock\n\n")
	fmt.Fprintf(&b, "Error message: %v\n", e.Err)
	id := "LOCK_ID"
	if e.Info != nil {
		b.WriteString(e.Info.String())
		id = e.Info.ID
	}
	b.WriteString("\ntokenscope locks the state while it writes, so that two processes never\n" +
		"overwrite each other's tokens. A process that dies releases the lock by\n" +
		"itself; if the holder above is stuck, stop it, or remove its lock with:\n")
	fmt.Fprintf(&b, "  tokenscope force-unlock %s\n", id)
	return b.String()
}

func (e *LockError) Unwrap() error { return e.Err }

// LockHolder is what the error knows of the holder, for a screen that
// says it in its own words (model.LockHolderOf): a serve guest's.
func (e *LockError) LockHolder() model.LockHolder { return e.Info.Holder() }

func (s *Store) lockPath() string { return s.Path() + ".lock" }
func (s *Store) infoPath() string { return s.Path() + ".lock.info" }

// lock takes the state lock for op and records who holds it. The returned
// func removes the info (if it is still ours) and releases the lock.
func (s *Store) lock(ctx context.Context, op string) (func(), error) {
	release, err := fsutil.Lock(ctx, s.lockPath(), s.opts.LockTimeout, s.onWait(ctx))
	if errors.Is(err, fsutil.ErrLocked) {
		info, _ := s.readLockInfo() // best effort: the error is about the lock
		return nil, &LockError{Info: info, Err: err}
	}
	if err != nil {
		return nil, err
	}
	info := &LockInfo{ID: fsutil.NewID(), Operation: op, Who: s.opts.Who, PID: os.Getpid(), Created: time.Now().UTC(), Path: s.Path()}
	data, err := json.MarshalIndent(info, "", "  ")
	if err == nil {
		err = fsutil.WriteFileAtomic(s.infoPath(), data, false)
	}
	if err != nil {
		release()
		return nil, fmt.Errorf("write lock info: %w", err)
	}
	return func() {
		if cur, err := s.readLockInfo(); err == nil && cur.ID == info.ID {
			os.Remove(s.infoPath())
		}
		release()
	}, nil
}

func (s *Store) readLockInfo() (*LockInfo, error) {
	data, err := fsutil.ReadFileNoFollow(s.infoPath())
	if err != nil {
		return nil, err
	}
	var info LockInfo
	if err := json.Unmarshal(data, &info); err != nil {
		return nil, fmt.Errorf("%s: %w", s.infoPath(), err)
	}
	return &info, nil
}

// ForceUnlock removes the lock with the given id, for a holder that is
// stuck (a holder that died has already lost it: the kernel drops flocks).
// It refuses when id is not the current lock's, so a lock taken since the
// user read the id is never broken by mistake. As with Terraform, a holder
// that was only slow and then finishes may overwrite writes made since.
func (s *Store) ForceUnlock(id string) error {
	info, err := s.readLockInfo()
	if errors.Is(err, fs.ErrNotExist) {
		return fmt.Errorf("failed to unlock state: %s is not locked (no %s)", s.Path(), s.infoPath())
	}
	if err != nil {
		return fmt.Errorf("failed to unlock state: %w", err)
	}
	if info.ID != id {
		return fmt.Errorf("failed to unlock state: lock ID %q does not match existing lock ID %q", id, info.ID)
	}
	for _, p := range []string{s.infoPath(), s.lockPath()} {
		if err := os.Remove(p); err != nil && !errors.Is(err, fs.ErrNotExist) {
			return fmt.Errorf("failed to unlock state: %w", err)
		}
	}
	return nil
}

// defaultWho names this user and host for the lock info: "alice@jump1".
func defaultWho() string {
	name := os.Getenv("USER")
	if u, err := user.Current(); err == nil {
		name = u.Username
	}
	if name == "" {
		name = "unknown"
	}
	host, err := os.Hostname()
	if err != nil || host == "" {
		host = "unknown"
	}
	return name + "@" + host
}
