package service

import (
	"context"
	"path/filepath"
	"slices"
	"time"

	"github.com/tokenscope/tokenscope/model"
	"github.com/tokenscope/tokenscope/model/state"
	"github.com/tokenscope/tokenscope/scenario"
)

// Story is what a report tells of a token: its record, the requests of
// the workspace's request log (this run's and earlier ones', kept in the
// state dir) that touched it or what it became, and the backend's events
// of those. id is the token's, or the id of what one of its uses became
// (a charge, a customer). Reading the events is the one request made; when
// it fails the story says why and has none. An id the workspace does not
// know is a *NotInStateError.
func (s *Session) Story(ctx context.Context, id string) (model.Story, error) {
	w, err := s.loadWorkspace()
	if err != nil {
		return model.Story{}, err
	}
	rec, ok := w.Find(id)
	if !ok {
		if rec, ok = madeByUse(w.Tokens, id); !ok {
			return model.Story{}, &NotInStateError{ID: id}
		}
	}
	story := model.Story{Token: rec, Backend: s.api.Backend(), Requests: model.Touched(rec, s.Requests())}
	evs, err := s.Events(ctx, EventFilter{For: rec.ID, Limit: maxEventsRead})
	if err != nil {
		story.EventsErr = err.Error()
		return story, nil
	}
	slices.Reverse(evs) // newest first: a story reads oldest first
	story.Events, story.EventsRead = evs, true
	// The deliveries are told when they can be read; the events are the
	// story either way.
	story.Deliveries, _ = s.deliveriesOf(ctx, evs)
	return story, nil
}

// madeByUse finds the token one of whose uses made id.
func madeByUse(tokens []model.Record, id string) (model.Record, bool) {
	for _, r := range tokens {
		for _, u := range r.Uses {
			if u.ObjectID == id {
				return r, true
			}
		}
	}
	return model.Record{}, false
}

// Export is the workspace as a scenario file (scenario.Export), with the
// customers' charges the request log holds: written is how many tokens
// it makes, left how many it names and leaves out.
func (s *Session) Export(now time.Time) (src []byte, written, left int, err error) {
	w, err := s.loadWorkspace()
	if err != nil {
		return nil, 0, 0, err
	}
	src, written, left = scenario.Export(w.Tokens, model.CustomerCharges(s.Requests()), now)
	return src, written, left, nil
}

// SaveOutput writes a report or an export to path (0600, atomically),
// refusing data that holds a card number other than Stripe's published
// test cards, or a key (state.SaveOutput).
//
// A dir other than the state dir must exist; the state dir (where the
// TUI saves, OutputPath) is tokenscope's to make.
func (s *Session) SaveOutput(path string, data []byte) error {
	if filepath.Dir(path) == s.store.Dir() {
		if err := s.store.Prepare(); err != nil {
			return err
		}
	}
	return state.SaveOutput(path, data)
}

// SaveNewOutput writes data to a new file named name, or name-2... when
// that is taken, in the session's output dir, and returns its path
// (state.SaveNewOutput): the TUI's exports, two of which may be made in
// the same second.
func (s *Session) SaveNewOutput(name string, data []byte) (string, error) {
	return state.SaveNewOutput(s.outputDir(), name, data)
}

// OutputPath is where the TUI saves a file it hands on (a report): name
// in the session's output dir.
func (s *Session) OutputPath(name string) string {
	return filepath.Join(s.outputDir(), name)
}

// outputDir is where the TUI's files go: a serve guest's own dir
// (<state dir>/serve/<guest>/, beside its objects), so guests neither
// read nor replace each other's; else the state dir.
func (s *Session) outputDir() string {
	if s.emuDir != "" {
		return s.emuDir
	}
	return s.store.Dir()
}
