package emulator

import (
	"context"
	"sync"
	"time"
)

// memoryStore keeps the objects in memory only, for tests and for an
// emulator without a state dir.
type memoryStore struct {
	mu sync.RWMutex // guards st
	st *memState
}

// NewMemoryStore returns an empty Store that lives as long as the process.
func NewMemoryStore() Store { return &memoryStore{st: newMemState()} }

func (s *memoryStore) View(_ context.Context, fn func(Reader) error) error {
	s.mu.RLock()
	defer s.mu.RUnlock()
	return fn(stateView{st: s.st})
}

func (s *memoryStore) Update(_ context.Context, fn func(Tx) error) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	t := newTx(stateView{st: s.st})
	if err := fn(t); err != nil {
		return err
	}
	ops, _ := s.st.plan(t, limits{}, time.Now())
	for _, o := range ops {
		s.st.apply(o)
	}
	return nil
}

func (s *memoryStore) Close() error { return nil }
