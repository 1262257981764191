// Package testio holds helpers shared by tests of several packages: I/O,
// Stripe-like HTTP fakes, catalog requests.
package testio

import (
	"bytes"
	"sync"
)

// SyncBuffer is a bytes.Buffer that a running command or server writes
// while the test reads it: a plain Buffer would race.
type SyncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *SyncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *SyncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}
