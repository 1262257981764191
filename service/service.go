// Package service is tokenscope's service layer: sessions, workspaces and
// every operation a user can do (create, get, use, refresh, plan and apply
// scenarios, the state commands), on the backend the user chose. The CLI,
// the TUI and the SSH server talk only to it; the API client and the state
// store stay inside, so every write is recorded the same way whoever asks.
package service

import (
	"errors"
	"sync"
	"time"

	"github.com/tokenscope/tokenscope/client"
	"github.com/tokenscope/tokenscope/emulator"
	"github.com/tokenscope/tokenscope/model"
	"github.com/tokenscope/tokenscope/model/state"
)

// DefaultLockTimeout is how long a write waits for another tokenscope's
// state lock unless Config.LockTimeout says otherwise.
const DefaultLockTimeout = state.DefaultLockTimeout

// Config is what a Service is built from: the backend and the state.
type Config struct {
	Backend BackendConfig
	// StateDir holds the state and, offline, the emulator's objects.
	StateDir string
	// MaxTokens and LockTimeout are state.Options': 0 is the default, a
	// negative LockTimeout fails at once when the lock is held.
	MaxTokens   int
	LockTimeout time.Duration
	// OnLockWait is called once when a write waits for another
	// tokenscope's lock.
	OnLockWait func()
	// WriteTimeout bounds how long a write holds the state lock, its
	// requests included; 0 is DefaultWriteTimeout.
	WriteTimeout time.Duration
	// OnRecover hears of each request a killed tokenscope left pending
	// that a write sent again (Recovery.Text says what became of it).
	OnRecover func(Recovery)
	// API, when set, answers instead of a client built for Backend: tests
	// give fakes, gated clients or an emulator with its own clock.
	API client.API
	// Workspace, when set, is the state workspace instead of the
	// backend's.
	Workspace string
}

// Service is one process's backend and state. Nothing is opened until an
// operation needs it: the state commands never start the emulator or
// check the key.
type Service struct {
	cfg Config

	mu     sync.Mutex
	api    client.API
	emu    *emulator.Emulator // the in-process emulator, offline
	store  *state.Store
	sess   *Session
	guests *guests
}

// New is a service for cfg.
func New(cfg Config) *Service {
	return &Service{cfg: cfg}
}

// Offline reports whether the backend is the in-process emulator.
func (s *Service) Offline() bool { return s.cfg.Backend.Offline }

// StateDir is the state dir the service keeps its files in.
func (s *Service) StateDir() string { return s.cfg.StateDir }

// Session is the service's session on the backend's workspace, built on
// first use: the client (offline: an emulator keeping its objects in the
// state dir; the key guard runs here) and then the state.
func (s *Service) Session() (*Session, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.session()
}

func (s *Service) session() (*Session, error) {
	if s.sess != nil {
		return s.sess, nil
	}
	api, err := s.client()
	if err != nil {
		return nil, err
	}
	store, err := s.openStore()
	if err != nil {
		return nil, err
	}
	s.sess = s.newSession(api, store, s.cfg.Workspace)
	return s.sess, nil
}

// Backend describes where requests go. It builds the client (and so runs
// the key guard) but does not open the state.
func (s *Service) Backend() (model.Backend, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	api, err := s.client()
	if err != nil {
		return model.Backend{}, err
	}
	return api.Backend(), nil
}

// client is the backend's client, built on first use.
func (s *Service) client() (client.API, error) {
	if s.api != nil {
		return s.api, nil
	}
	if s.cfg.API != nil {
		s.api = s.cfg.API
		return s.api, nil
	}
	cfg, emu, err := s.cfg.Backend.clientConfig(s.cfg.StateDir)
	if err != nil {
		return nil, err
	}
	s.emu = emu
	c, err := client.New(cfg)
	if err != nil {
		return nil, err
	}
	s.api = c
	return c, nil
}

// openStore is the state in the state dir, opened on first use.
func (s *Service) openStore() (*state.Store, error) {
	if s.store != nil {
		return s.store, nil
	}
	store, err := state.Open(state.Options{
		Dir:         s.cfg.StateDir,
		MaxTokens:   s.cfg.MaxTokens,
		LockTimeout: s.cfg.LockTimeout,
		OnWait:      s.cfg.OnLockWait,
	})
	if err != nil {
		return nil, err
	}
	s.store = store
	return store, nil
}

// stateStore is openStore under the lock, for the state commands.
func (s *Service) stateStore() (*state.Store, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.openStore()
}

// PullState is the whole state file, every workspace, as JSON.
func (s *Service) PullState() ([]byte, error) {
	store, err := s.stateStore()
	if err != nil {
		return nil, err
	}
	st, err := store.Load()
	if err != nil {
		return nil, err
	}
	return st.Marshal()
}

// ForceUnlock removes the state lock a stuck process left, named by the id
// the lock error shows.
func (s *Service) ForceUnlock(id string) error {
	store, err := s.stateStore()
	if err != nil {
		return err
	}
	return store.ForceUnlock(id)
}

// OpenGuests makes the service ready to serve many users at once
// (tokenscope serve). With a remote backend the one client is built now, so a bad key
// fails at start; offline, every guest gets an emulator of their own in
// the state dir, which must be set.
func (s *Service) OpenGuests() error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.cfg.Backend.Offline {
		if s.cfg.StateDir == "" {
			return errors.New("serve: no state dir for the offline emulators")
		}
		if s.guests == nil {
			s.guests = newGuests(s.cfg.StateDir)
		}
		return nil
	}
	_, err := s.session()
	return err
}

// Guest is the session of one user of a shared service and what to call
// when it is over. Offline, the guest (id names its workspace, dir its
// emulator's directory) gets a client of its own (so its own request log)
// on its own emulator, and the workspace GuestWorkspace(id), so guests
// never see each other's tokens, nor reach them by id. With a remote
// backend all guests share the one session: the key never leaves the
// server. OpenGuests must have been called first.
func (s *Service) Guest(id, dir string) (*Session, func(), error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if !s.cfg.Backend.Offline {
		sess, err := s.session()
		return sess, func() {}, err
	}
	if s.guests == nil {
		return nil, nil, errors.New("service: a guest before OpenGuests")
	}
	store, err := s.openStore()
	if err != nil {
		return nil, nil, err
	}
	emu, emuDir, release, err := s.guests.acquire(dir)
	if err != nil {
		return nil, nil, err
	}
	api, err := client.New(client.Config{Handler: emu})
	if err != nil {
		release()
		return nil, nil, err
	}
	sess := s.newSession(api, store, GuestWorkspace(id))
	// Its own emulator, whose log another tokenscope serve on the state
	// dir writes too when the guest logs in there: events are followed
	// through the dir's log files, on the process's one file watcher (a
	// watch per guest dir, shared by the guest's sessions).
	sess.emu, sess.emuDir = emu, emuDir
	return sess, release, nil
}

func (s *Service) newSession(api client.API, store *state.Store, workspace string) *Session {
	sess := &Session{api: api, store: store, workspace: workspace, writeTimeout: s.cfg.WriteTimeout, notify: s.cfg.OnRecover,
		emu: s.emu, emuDir: s.cfg.StateDir}
	sess.keepLog(s.cfg.StateDir)
	return sess
}

// GuestWorkspace is the offline workspace of a guest.
func GuestWorkspace(id string) string {
	return string(model.BackendOffline) + ":" + id
}
