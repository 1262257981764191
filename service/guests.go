package service

import (
	"context"
	"path/filepath"
	"sync"

	"github.com/tokenscope/tokenscope/emulator"
)

// guests are the offline backends of the guests that have a session open:
// one emulator per guest, so an id seen on the projector is no way into
// another attendee's tokens (it is resource_missing to them), shared by
// that guest's concurrent sessions as two local tokenscopes share one.
// Each keeps its objects in <state dir>/serve/<dir>/ (0700), so a guest
// finds them again when they come back; an emulator is let go when its
// guest's last session ends, so memory follows the sessions, not every
// guest ever seen.
type guests struct {
	dir string // <state dir>/serve

	mu   sync.Mutex
	open map[string]*guestEmulator // by dir
}

type guestEmulator struct {
	emu   *emulator.Emulator
	users int // acquired and not yet released
	// stop ends its settler (settle.go), settled once it has.
	stop    context.CancelFunc
	settled chan struct{}
}

func newGuests(stateDir string) *guests {
	return &guests{dir: filepath.Join(stateDir, "serve"), open: map[string]*guestEmulator{}}
}

// acquire is the emulator in the guest's dir (which it returns), opened
// on its first session; release must be called once the session is over.
func (gs *guests) acquire(name string) (emu *emulator.Emulator, dir string, release func(), err error) {
	gs.mu.Lock()
	defer gs.mu.Unlock()
	dir = filepath.Join(gs.dir, name)
	ge := gs.open[name]
	if ge == nil {
		// The emulator's first write makes the dirs 0700 (fsutil.EnsureDir).
		e, err := emulator.New(emulator.Options{Dir: dir})
		if err != nil {
			return nil, "", nil, err
		}
		ge = &guestEmulator{emu: e, settled: make(chan struct{})}
		var ctx context.Context
		ctx, ge.stop = context.WithCancel(context.Background())
		go func() {
			defer close(ge.settled)
			_ = e.Settle(ctx, emulator.SettleOptions{})
		}()
		gs.open[name] = ge
	}
	ge.users++
	var once sync.Once
	return ge.emu, dir, func() { once.Do(func() { gs.release(name) }) }, nil
}

func (gs *guests) release(name string) {
	gs.mu.Lock()
	defer gs.mu.Unlock()
	if ge := gs.open[name]; ge != nil {
		if ge.users--; ge.users == 0 {
			delete(gs.open, name)
			ge.stop()
			<-ge.settled
			_ = ge.emu.Close() // its objects are stored; nothing is lost
		}
	}
}
