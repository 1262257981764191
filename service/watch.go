package service

import (
	"context"
	"path/filepath"
	"sync"
	"time"

	"github.com/fsnotify/fsnotify"

	"github.com/tokenscope/tokenscope/emulator"
	"github.com/tokenscope/tokenscope/internal/fsutil"
	"github.com/tokenscope/tokenscope/model/state"
)

// watchQuiet is how long the state file must stay unchanged before its
// watchers are told: a write is a temp file renamed over it, a backup
// and sometimes a second write, and one reload covers them all.
const watchQuiet = 100 * time.Millisecond

// Watch tells the caller, on the channel it returns, that the state file
// changed, whoever wrote it (this process, the CLI, a second terminal),
// until ctx ends. Changes close together are told once, and a change
// while the caller is busy waits in the channel, so none is lost; the
// channel is never closed. The state dir is made if it is missing, so
// that the first token another tokenscope makes is seen too.
func (s *Session) Watch(ctx context.Context) (<-chan struct{}, error) {
	if err := fsutil.EnsureDir(s.store.Dir()); err != nil {
		return nil, err
	}
	return stateWatcher.subscribe(ctx, s.store.Dir())
}

// stateWatcher is the process's one file watcher (one inotify instance
// however many sessions watch: tokenscope serve has one per SSH session,
// all on the same state dir).
var stateWatcher = &watcher{dirs: map[string]*watchedDir{}}

type watcher struct {
	mu   sync.Mutex
	fw   *fsnotify.Watcher // nil while nobody watches
	dirs map[string]*watchedDir
}

type watchedDir struct {
	subs  map[chan struct{}]bool
	quiet *time.Timer // runs from a change until watchQuiet has passed
	// logSubs hear of each write to the emulator's log at once: events
	// are forwarded as they are made, not after a quiet period.
	logSubs map[chan struct{}]bool
}

func (w *watcher) subscribe(ctx context.Context, dir string) (<-chan struct{}, error) {
	return w.add(ctx, dir, false)
}

// subscribeLog tells of writes to the emulator's log files in dir.
func (w *watcher) subscribeLog(ctx context.Context, dir string) (<-chan struct{}, error) {
	return w.add(ctx, dir, true)
}

func (w *watcher) add(ctx context.Context, dir string, log bool) (<-chan struct{}, error) {
	dir = filepath.Clean(dir)
	w.mu.Lock()
	defer w.mu.Unlock()
	if w.fw == nil {
		fw, err := fsnotify.NewWatcher()
		if err != nil {
			return nil, err
		}
		w.fw = fw
		go w.run(fw)
	}
	d := w.dirs[dir]
	if d == nil {
		if err := w.fw.Add(dir); err != nil {
			w.closeIfIdle()
			return nil, err
		}
		d = &watchedDir{subs: map[chan struct{}]bool{}, logSubs: map[chan struct{}]bool{}}
		w.dirs[dir] = d
	}
	ch := make(chan struct{}, 1)
	if log {
		d.logSubs[ch] = true
	} else {
		d.subs[ch] = true
	}
	context.AfterFunc(ctx, func() { w.unsubscribe(dir, ch) })
	return ch, nil
}

func (w *watcher) unsubscribe(dir string, ch chan struct{}) {
	w.mu.Lock()
	defer w.mu.Unlock()
	d := w.dirs[dir]
	if d == nil {
		return
	}
	delete(d.subs, ch)
	delete(d.logSubs, ch)
	if len(d.subs) > 0 || len(d.logSubs) > 0 {
		return
	}
	if d.quiet != nil {
		d.quiet.Stop()
	}
	delete(w.dirs, dir)
	_ = w.fw.Remove(dir) // fails when the dir is gone, which removed the watch anyway
	w.closeIfIdle()
}

// closeIfIdle gives the inotify instance back once nobody watches.
func (w *watcher) closeIfIdle() {
	if len(w.dirs) == 0 && w.fw != nil {
		_ = w.fw.Close()
		w.fw = nil
	}
}

// run reads one fsnotify watcher's events until it is closed.
func (w *watcher) run(fw *fsnotify.Watcher) {
	for {
		select {
		case ev, ok := <-fw.Events:
			if !ok {
				return
			}
			switch base := filepath.Base(ev.Name); {
			case base == state.FileName:
				w.changed(filepath.Dir(ev.Name))
			case emulator.IsLogFile(base):
				w.logWritten(filepath.Dir(ev.Name))
			}
		case _, ok := <-fw.Errors:
			if !ok {
				return
			}
			// An overflow loses events, not the watch: the next write is
			// seen.
		}
	}
}

// changed starts (or restarts) dir's quiet period; its end tells every
// subscriber.
func (w *watcher) changed(dir string) {
	w.mu.Lock()
	defer w.mu.Unlock()
	d := w.dirs[dir]
	if d == nil {
		return
	}
	if d.quiet != nil {
		d.quiet.Reset(watchQuiet)
		return
	}
	d.quiet = time.AfterFunc(watchQuiet, func() { w.tell(dir) })
}

// logWritten tells dir's log subscribers at once.
func (w *watcher) logWritten(dir string) {
	w.mu.Lock()
	defer w.mu.Unlock()
	if d := w.dirs[dir]; d != nil {
		tellAll(d.logSubs)
	}
}

func (w *watcher) tell(dir string) {
	w.mu.Lock()
	defer w.mu.Unlock()
	d := w.dirs[dir]
	if d == nil {
		return
	}
	tellAll(d.subs)
}

func tellAll(subs map[chan struct{}]bool) {
	for ch := range subs {
		select {
		case ch <- struct{}{}:
		default: // one is already waiting: it covers this change too
		}
	}
}

// watchLog tells of every write to the offline emulator's log in the
// state dir, at once (no quiet period): events are followed as they are
// made.
func (s *Session) watchLog(ctx context.Context) (<-chan struct{}, error) {
	if err := fsutil.EnsureDir(s.emuDir); err != nil {
		return nil, err
	}
	return stateWatcher.subscribeLog(ctx, s.emuDir)
}
