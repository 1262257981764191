package service

import "github.com/tokenscope/tokenscope/model"

// OnRecover makes fn, instead of Config.OnRecover, hear of each pending
// request this session sends again: the TUI shows it in its status line,
// where Config's line on stderr would tear the screen. nil hears nothing.
func (s *Session) OnRecover(fn func(Recovery)) {
	s.notifyMu.Lock()
	defer s.notifyMu.Unlock()
	s.notify = fn
}

// recovered tells whoever listens what became of a pending request; of
// one left to the user (Unresolved), once per session.
func (s *Session) recovered(r Recovery) {
	s.notifyMu.Lock()
	fn := s.notify
	if key := r.Pending.Key; r.Pending.Unresolved != "" {
		if s.told[key] {
			fn = nil
		}
		if s.told == nil {
			s.told = map[string]bool{}
		}
		s.told[key] = true
	}
	s.notifyMu.Unlock()
	if fn != nil {
		fn(r)
	}
}

// SeenPending are the pending requests as the session's last read of the
// workspace found them (Tokens, Token, ...): the TUI names them after its
// first load without decoding the state a second time (10,000 tokens are
// 10 MB of JSON, and a second decode took it past its memory budget).
func (s *Session) SeenPending() []model.Pending {
	if p := s.seenPending.Load(); p != nil {
		return *p
	}
	return nil
}
