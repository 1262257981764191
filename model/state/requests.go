package state

import (
	"bufio"
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"path/filepath"
	"sync"
	"time"

	"github.com/tokenscope/tokenscope/internal/fsutil"
	"github.com/tokenscope/tokenscope/model"
)

// The request log of a workspace is kept in the state dir, so that a
// report can be written after the TUI closed and the log (L) shows earlier
// runs too. It is a file of JSON lines, one request each, appended under a
// lock (a line with a response body is longer than PIPE_BUF, so O_APPEND
// alone would not keep two processes' lines whole); when it outgrows
// MaxJournalBytes it is rewritten (atomically) with its newest half. A
// logged request is already masked (client.RedactForm, model.MaskSecrets);
// the secret guard checks every line again before it is written.

// Bounds of a workspace's request log.
const (
	// MaxJournalEntries is how many requests Entries returns, newest last.
	MaxJournalEntries = 500
	// MaxJournalBytes is the size past which the file is cut to its
	// newest requests (at most MaxJournalEntries, at most half of it).
	MaxJournalBytes = 4 << 20
	// journalLockTimeout bounds the wait for another process's append; a
	// log line is best effort, never a reason to hang a request.
	journalLockTimeout = 2 * time.Second
)

// RequestJournal is one workspace's request log in the state dir. It is
// safe for concurrent use, by goroutines and processes.
type RequestJournal struct {
	path string
	run  string

	// The entries last read, and the size and time of the file they were
	// read from: the TUI's log asks on every redraw, and the file changes
	// far less often than that.
	mu     sync.Mutex
	cached []model.LoggedRequest
	size   int64
	mod    time.Time
}

// OpenRequestJournal is the log of workspace in dir, for one run: Entries
// marks the requests other runs appended as Earlier. The
// file is named by a hash of the workspace name: a workspace names a base
// URL, which is no file name.
func OpenRequestJournal(dir, workspace string) *RequestJournal {
	sum := sha256.Sum256([]byte(workspace))
	return &RequestJournal{path: filepath.Join(dir, "requests-"+hex.EncodeToString(sum[:6])+".jsonl"), run: fsutil.NewID()}
}

// Path is the journal's file.
func (j *RequestJournal) Path() string { return j.path }

// Append adds a request to the log.
func (j *RequestJournal) Append(e model.LoggedRequest) error {
	e.Run = j.run
	line, err := json.Marshal(e)
	if err != nil {
		return err
	}
	if err := fsutil.CheckSecrets(line); err != nil {
		return fmt.Errorf("request log %s: not written: %w", filepath.Base(j.path), err)
	}
	unlock, err := fsutil.Lock(context.Background(), j.path+".lock", journalLockTimeout, nil)
	if err != nil {
		return err
	}
	defer unlock()
	f, err := fsutil.OpenAppend(j.path)
	if err != nil {
		return err
	}
	_, err = f.Write(append(line, '\n'))
	fi, serr := f.Stat()
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil || serr != nil || fi.Size() <= MaxJournalBytes {
		return errors.Join(err, serr)
	}
	return j.cut()
}

// cut rewrites the file with its newest lines, under the lock.
func (j *RequestJournal) cut() error {
	data, err := fsutil.ReadFileNoFollow(j.path)
	if err != nil {
		return err
	}
	lines := bytes.SplitAfter(data, []byte("\n"))
	keep, size := 0, 0
	for i := len(lines) - 1; i >= 0 && keep < MaxJournalEntries; i-- {
		if size+len(lines[i]) > MaxJournalBytes/2 {
			break
		}
		size += len(lines[i])
		keep++
	}
	return fsutil.WriteFileAtomic(j.path, bytes.Join(lines[len(lines)-keep:], nil), false)
}

// Entries are the newest MaxJournalEntries requests, oldest first, those
// of other runs marked Earlier. A line that does not decode (cut short by
// a crash) is skipped. No file is no requests.
func (j *RequestJournal) Entries() ([]model.LoggedRequest, error) {
	f, err := fsutil.OpenNoFollow(j.path)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	defer f.Close()
	fi, err := f.Stat()
	if err != nil {
		return nil, err
	}
	j.mu.Lock()
	defer j.mu.Unlock()
	if j.cached != nil && fi.Size() == j.size && fi.ModTime().Equal(j.mod) {
		return append([]model.LoggedRequest(nil), j.cached...), nil
	}
	var out []model.LoggedRequest
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 64<<10), MaxJournalBytes)
	for sc.Scan() {
		var e model.LoggedRequest
		if json.Unmarshal(sc.Bytes(), &e) != nil {
			continue
		}
		e.Earlier = e.Run != j.run
		out = append(out, e)
	}
	if len(out) > MaxJournalEntries {
		out = out[len(out)-MaxJournalEntries:]
	}
	if err := sc.Err(); err != nil {
		return nil, err
	}
	j.cached, j.size, j.mod = out, fi.Size(), fi.ModTime()
	return append([]model.LoggedRequest(nil), out...), nil
}
