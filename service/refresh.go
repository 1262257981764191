package service

import (
	"context"
	"errors"
	"sync"
	"time"

	"golang.org/x/sync/errgroup"
	"golang.org/x/time/rate"

	"github.com/tokenscope/tokenscope/model"
	"github.com/tokenscope/tokenscope/model/state"
)

// Refresh pacing. 8 requests in flight keep the emulator and stripe-mock
// busy without a thundering herd; against api.stripe.com the limiter holds
// 20 requests/s, under test mode's 25/s, so a refresh never earns a 429.
const (
	RefreshInFlight = 8
	StripeTestRate  = 20
)

// Refresh re-reads tokens from the API (ids nil: every token of the
// workspace not already gone), reports progress, and records the result in
// ONE state update at the end: changed tokens get the API's view, tokens
// the API no longer knows (resource_missing) are marked Gone. Per-token
// failures are in the report's Errors and change nothing; the error return
// is for an id that is no token id (model.ValidateTokenID: nothing is sent),
// a cancelled context or a state that cannot be read or written.
func (s *Session) Refresh(ctx context.Context, ids []string, progress func(done, total int)) (model.RefreshReport, error) {
	start := time.Now()
	for _, id := range ids {
		if fe := model.ValidateTokenID(id, model.ParamTokenID); fe != nil {
			e, _ := model.Explained(fe)
			return model.RefreshReport{}, e
		}
	}
	// Read the state first, ids given or not: what cannot be recorded is
	// not worth a request.
	st, err := s.store.Load()
	if err == nil {
		err = s.store.Prepare()
	}
	if err != nil {
		return model.RefreshReport{}, err
	}
	// Requests a killed tokenscope left pending are sent again first, so
	// that what they made is recorded and refreshed with the rest.
	unsent := map[string]error{}
	replayedFirst := waiting(s.workspaceOf(st))
	if replayedFirst {
		if err := s.hold(ctx, "refresh", func(h *held) error {
			noteUnresolved(unsent, h.recoveries())
			return nil
		}); err != nil {
			return model.RefreshReport{}, err
		}
		if st, err = s.store.Load(); err != nil {
			return model.RefreshReport{}, err
		}
	}
	if ids == nil {
		for _, r := range s.workspaceOf(st).Tokens {
			if !r.Gone {
				ids = append(ids, r.ID)
			}
		}
	}
	results, err := s.fetchAll(ctx, ids, progress)
	if err != nil {
		return model.RefreshReport{}, err
	}

	report := model.RefreshReport{Total: len(ids), Errors: map[string]error{}, Unsent: unsent}
	// One try per refresh: a request the first hold sent again without an
	// answer is not sent again here (an API that never answers took the
	// whole write timeout twice).
	recordCtx := ctx
	if replayedFirst {
		recordCtx = withoutReplay(ctx)
	}
	err = s.hold(recordCtx, "refresh", func(h *held) error {
		noteUnresolved(unsent, h.recoveries()) // this write sent them again, when the first did not
		w := h.workspace()
		for i, id := range ids {
			r := results[i]
			old, had := w.Find(id)
			switch {
			case r.err == nil:
				if had {
					report.Drifts = append(report.Drifts, model.Diff(old, r.rec)...)
				}
				w.Upsert(known(w, r.rec))
			case isMissing(r.err) && had:
				if !old.Gone {
					report.Drifts = append(report.Drifts, model.GoneDrift(old, "resource_missing"))
				}
				old.Gone = true
				w.Upsert(old)
			default:
				report.Errors[id] = r.err
			}
		}
		return h.l.Save()
	})
	report.Elapsed = time.Since(start)
	return report, err
}

type fetched struct {
	rec model.Record
	err error
}

// fetchAll gets every id with at most RefreshInFlight requests at a time,
// paced for Stripe's test mode. results[i] answers ids[i].
func (s *Session) fetchAll(ctx context.Context, ids []string, progress func(done, total int)) ([]fetched, error) {
	results := make([]fetched, len(ids))
	var limiter *rate.Limiter
	if s.api.Backend().Kind == model.BackendStripeTest {
		limiter = rate.NewLimiter(StripeTestRate, 1)
	}
	var mu sync.Mutex // serialises progress calls, so the callback need not be safe
	done := 0
	g, gctx := errgroup.WithContext(ctx)
	g.SetLimit(RefreshInFlight)
	for i, id := range ids {
		g.Go(func() error {
			if limiter != nil {
				if err := limiter.Wait(gctx); err != nil {
					return err
				}
			}
			rec, err := s.api.Get(gctx, id)
			results[i] = fetched{rec, err}
			if progress != nil {
				mu.Lock()
				done++
				progress(done, len(ids))
				mu.Unlock()
			}
			return gctx.Err()
		})
	}
	return results, g.Wait()
}

// noteUnresolved notes in unsent, by Idempotency-Key, the pending
// requests of replayed that are still not recorded: sent again without an
// answer (an API that cannot be reached), or left to the user; one
// recorded since is taken out. A refresh that leaves one so has not done
// its job and says so with its exit code.
func noteUnresolved(unsent map[string]error, replayed []Recovery) {
	for _, r := range replayed {
		var waiting *UnansweredError
		switch {
		case errors.As(r.Err, &waiting):
			unsent[r.Pending.Key] = r.Err
		case r.Pending.Unresolved != "":
			// Its steps were told as it was left to the user
			// (OnRecover): the report names it in a line.
			unsent[r.Pending.Key] = &UnresolvedError{Pending: r.Pending, Err: r.Err}
		default:
			delete(unsent, r.Pending.Key)
		}
	}
}

// waiting: the workspace holds pending requests to send again.
func waiting(w *state.Workspace) bool {
	for _, p := range w.Pending {
		if p.Unresolved == "" {
			return true
		}
	}
	return false
}

func isMissing(err error) bool {
	e, ok := model.AsError(err)
	return ok && e.Code == "resource_missing"
}
