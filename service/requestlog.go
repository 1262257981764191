package service

import (
	"sync"

	"github.com/tokenscope/tokenscope/model"
	"github.com/tokenscope/tokenscope/model/state"
)

// keepLog keeps the session's request log in dir, one file per workspace
// (state.RequestJournal), so that the log and the reports outlive the
// process. Keeping it is best effort: a request never fails because its
// log line could not be written; the first such failure is kept for
// RequestLogErr.
func (s *Session) keepLog(dir string) {
	log := s.api.Log()
	if dir == "" || log == nil {
		return
	}
	s.journal = state.OpenRequestJournal(dir, s.WorkspaceName())
	log.Keep(func(e model.LoggedRequest) {
		if err := s.journal.Append(e); err != nil {
			s.logErr.set(err)
		}
	})
}

// firstErr keeps the first error set.
type firstErr struct {
	mu  sync.Mutex
	err error
}

func (f *firstErr) set(err error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	if f.err == nil {
		f.err = err
	}
}

func (f *firstErr) get() error {
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.err
}

// RequestLogErr is why a request could not be kept in the state dir's log
// (nil when every one was): the log lacks it after this run.
func (s *Session) RequestLogErr() error { return s.logErr.get() }
