package service

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
