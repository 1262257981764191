package service

import (
	"context"
	"errors"

	"github.com/tokenscope/tokenscope/model"
	"github.com/tokenscope/tokenscope/model/state"
	"github.com/tokenscope/tokenscope/scenario"
)

// Plan compares a scenario file with the workspace: the tokens an apply
// would create and use, against the session's backend. Nothing is sent. A
// --replace name the file lacks is a *scenario.ReplaceError.
func (s *Session) Plan(f *scenario.File, opts scenario.PlanOptions) (*scenario.Plan, error) {
	if err := fitsState(f, s.store.MaxTokens()); err != nil {
		return nil, err
	}
	if diags := f.CheckExpectEvents(s.CheckEventTypes); diags.HasErrors() {
		return nil, &scenario.DiagnosticsError{File: f, Diags: diags}
	}
	w, err := s.loadWorkspace()
	if err != nil {
		return nil, err
	}
	linked := make(map[string]model.Record, len(w.Scenarios))
	for key, id := range w.Scenarios {
		if rec, ok := w.Find(id); ok {
			linked[key] = rec
		}
	}
	opts.Target = s.Backend().Label()
	return scenario.MakePlan(f, linked, opts)
}

// Apply carries out a plan step by step, recording each token (linked to
// its scenario key) and each use as it goes; events may be nil. It holds
// the state lock for the whole run (Locked; a caller may hold it already,
// from its plan on) and makes the plan again under it: what another
// apply did since p was made is not done twice (the result says which
// of p's changes were found done: DoneSincePlan), and a plan that would
// now do what p did not show is refused (applyStale). When the lock cannot be
// had, or the plan is stale, every token's row carries that error and
// nothing is sent.
func (s *Session) Apply(ctx context.Context, p *scenario.Plan, events func(model.ApplyEvent)) *model.ApplyResult {
	var res *model.ApplyResult
	err := s.Locked(ctx, "apply "+p.File.Name, func(ctx context.Context) error {
		s.lockedIn(ctx).Keep(linkedBy(p.File))
		fresh, err := s.Plan(p.File, p.Options)
		if err != nil {
			return err
		}
		if err := applyStale(p, fresh); err != nil {
			return err
		}
		r := recorder{s: s, replaces: map[string]string{}}
		for _, step := range fresh.Steps {
			r.replaces[step.Key] = step.Replaces
		}
		res = scenario.Apply(ctx, r, fresh, events)
		res.DoneSincePlan = doneSincePlan(p, fresh)
		return nil
	})
	if err != nil {
		return applyRefused(p, err)
	}
	return res
}

// linkedBy reports the tokens the workspace links to a block of f: an
// apply keeps them when the state trims to --max-tokens, so it never
// drops a token it made or is about to use (a file larger than the state
// keeps is refused by its plan, fitsState).
func linkedBy(f *scenario.File) func(*state.Workspace, model.Record) bool {
	keys := make(map[string]bool, len(f.Tokens))
	for _, t := range f.Tokens {
		keys[f.Key(t.Name)] = true
	}
	return func(w *state.Workspace, r model.Record) bool {
		return keys[r.Scenario] && w.Scenarios[r.Scenario] == r.ID
	}
}

// applyRefused is the result of an apply refused as a whole: the token a
// stale plan would change, or every token of the plan, carries err.
func applyRefused(p *scenario.Plan, err error) *model.ApplyResult {
	var stale *staleError
	if errors.As(err, &stale) {
		return &model.ApplyResult{Rows: []model.ApplyRow{{Name: stale.name, Err: err}}}
	}
	res := &model.ApplyResult{}
	for _, step := range p.Steps {
		res.Rows = append(res.Rows, model.ApplyRow{Name: step.Token.Name, Err: err})
	}
	return res
}

// recorder is the session as an apply records into it; replaces is, by
// scenario key, the token the plan saw linked to it ("" for none).
type recorder struct {
	s        *Session
	replaces map[string]string
}

// Create makes a block's token, unless one was made for the block since
// the plan was (madeSincePlan): that one is taken instead.
func (r recorder) Create(ctx context.Context, req model.TokenRequest, key string) (model.Record, error) {
	return r.s.create(ctx, req, key, func(w *state.Workspace) (model.Record, bool) {
		return madeSincePlan(w, req, key, r.replaces[key])
	})
}

// Use runs a block's use step, unless the token was used since the plan
// was made (usedSincePlan): that use is taken instead.
func (r recorder) Use(ctx context.Context, req model.UseRequest) (model.Use, model.Record, error) {
	return r.s.use(ctx, req, func(w *state.Workspace) (model.Use, model.Record, bool) {
		return usedSincePlan(w, req)
	})
}

// EventTypesOf are the types of the events id and all it became led to,
// newest first: what a use step's expect_events is checked against.
func (r recorder) EventTypesOf(ctx context.Context, id string) ([]string, error) {
	evs, err := r.s.Events(ctx, EventFilter{For: id, Limit: maxEventsRead})
	if err != nil {
		return nil, err
	}
	out := make([]string, 0, len(evs))
	for _, ev := range evs {
		out = append(out, ev.Type)
	}
	return out, nil
}

func (r recorder) SetDigest(ctx context.Context, id, digest string) error {
	return r.s.hold(ctx, "scenario digest", func(h *held) error {
		w := h.workspace()
		if rec, ok := w.Find(id); ok {
			rec.ScenarioDigest = digest
			w.Upsert(rec)
		}
		return h.l.Save()
	})
}

// Unlink forgets which token a scenario key made, as Terraform taints a
// resource whose creation half failed: the next apply creates it again.
// The token itself stays in the state.
func (r recorder) Unlink(ctx context.Context, key string) error {
	return r.s.hold(ctx, "unlink "+key, func(h *held) error {
		delete(h.workspace().Scenarios, key)
		return h.l.Save()
	})
}
