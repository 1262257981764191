package service

import (
	"context"
	"fmt"
	"sync"
	"sync/atomic"
	"time"

	"github.com/tokenscope/tokenscope/client"
	"github.com/tokenscope/tokenscope/emulator"
	"github.com/tokenscope/tokenscope/model"
	"github.com/tokenscope/tokenscope/model/state"
)

// Session ties an API to one workspace of the state: every write goes
// through the state store so UI and CLI record alike. A request that fails
// leaves the state as it was; only what the API answered is recorded.
type Session struct {
	api   client.API
	store *state.Store
	// workspace is the state workspace; "" means the backend's.
	workspace string
	// writeTimeout bounds a write's time under the lock (0:
	// DefaultWriteTimeout); notify hears of each pending request sent
	// again (nil: no one).
	writeTimeout time.Duration
	notify       func(Recovery)
	notifyMu     sync.Mutex                      // guards notify (set by OnRecover) and told
	told         map[string]bool                 // unresolved pending requests notify heard of
	seenPending  atomic.Pointer[[]model.Pending] // as the last read found them
	// emu is the in-process emulator (nil on another backend) and emuDir
	// where it keeps its log: events are followed through them.
	emu    *emulator.Emulator
	emuDir string
	// journal keeps the request log in the state dir (nil: the client's
	// log in memory is all there is).
	journal *state.RequestJournal
	logErr  firstErr
}

// WorkspaceName is the state workspace the session reads and writes.
func (s *Session) WorkspaceName() string {
	if s.workspace != "" || s.api == nil {
		return s.workspace
	}
	return s.api.Backend().Workspace
}

// Backend describes where the session's requests go.
func (s *Session) Backend() model.Backend { return s.api.Backend() }

// Requests are the latest requests sent on the session's workspace,
// oldest first (the request log): this run's and, kept in the state dir,
// earlier runs' (marked Earlier). When the kept log cannot be read, this
// run's requests are all there is.
func (s *Session) Requests() []model.LoggedRequest {
	if s.journal != nil {
		if kept, err := s.journal.Entries(); err == nil {
			return kept
		}
	}
	if log := s.api.Log(); log != nil {
		return log.Entries()
	}
	return nil
}

// workspaceOf is the session's workspace in st, labelled with its backend.
func (s *Session) workspaceOf(st *state.State) *state.Workspace {
	w := st.Workspace(s.WorkspaceName())
	w.Backend = s.api.Backend().Label()
	return w
}

// stateReady reads the state and proves its dir can be written before a
// request is sent: a state that cannot be read or written cannot record
// the answer, and a token made anyway would be lost to tokenscope. Offline
// the emulator keeps its data in the same dir, so this covers it too.
func (s *Session) stateReady() error {
	if _, err := s.store.Load(); err != nil {
		return err
	}
	if err := s.store.Prepare(); err != nil {
		return fmt.Errorf("%w; nothing was sent", err)
	}
	return nil
}

// Create makes a token and records it, under scenario if not "". Bad
// input is refused before the state lock is taken, so it fails at once
// with its field and code; nothing is sent when the state cannot be read,
// written or locked. The request is sent under the state lock with its
// write-ahead record (writeAhead), so that a token it makes is recorded
// even if this process dies before the answer is written.
func (s *Session) Create(ctx context.Context, req model.TokenRequest, scenario string) (model.Record, error) {
	return s.create(ctx, req, scenario, nil)
}

// create is Create; made, when not nil, may find under the lock (once the
// pending requests are replayed) a token already made for the request,
// which is then returned and nothing is sent.
func (s *Session) create(ctx context.Context, req model.TokenRequest, scenario string, made func(*state.Workspace) (model.Record, bool)) (model.Record, error) {
	if err := client.CheckCreate(req, time.Now()); err != nil {
		return model.Record{}, err
	}
	if err := s.stateReady(); err != nil {
		return model.Record{}, err
	}
	var rec model.Record
	err := s.hold(ctx, "create", func(h *held) error {
		if made != nil {
			if found, ok := made(h.workspace()); ok {
				rec = found
				return nil
			}
		}
		p := model.NewPendingCreate(req, newKey(), scenario, time.Now())
		var made model.Record
		send := func(ctx context.Context, key string) (err error) {
			req.IdempotencyKey = key
			made, err = s.api.Create(ctx, req)
			return err
		}
		return h.writeAhead(p, send, func(w *state.Workspace, err error) string {
			if err != nil {
				return "" // refused: nothing made
			}
			rec = recordCreate(w, made, scenario)
			return rec.ID
		})
	})
	return rec, err
}

// recordCreate records a token made under scenario ("" for none).
func recordCreate(w *state.Workspace, rec model.Record, scenario string) model.Record {
	rec.Scenario = scenario
	w.Upsert(rec)
	if scenario != "" {
		if w.Scenarios == nil {
			w.Scenarios = map[string]string{}
		}
		w.Scenarios[scenario] = rec.ID
	}
	return rec
}

// Fetch retrieves a token and records it: a token made elsewhere (or a
// magic test token) joins the state; a known one is refreshed, keeping its
// local facts. Nothing is sent when the state cannot be read.
func (s *Session) Fetch(ctx context.Context, id string) (model.Record, error) {
	if err := s.stateReady(); err != nil {
		return model.Record{}, err
	}
	rec, err := s.api.Get(ctx, id)
	if err != nil {
		return model.Record{}, err
	}
	var stored model.Record
	err = s.hold(ctx, "fetch", func(h *held) error {
		w := h.workspace()
		stored = known(w, rec)
		w.Upsert(stored)
		return h.l.Save()
	})
	return stored, err
}

// known lays the API's view of a token over what the workspace knew of it
// (preset, scenario, uses).
func known(w *state.Workspace, fresh model.Record) model.Record {
	if old, ok := w.Find(fresh.ID); ok {
		return old.Refreshed(fresh)
	}
	return fresh
}

// usage is a use as it is sent and recorded: the API's answer, then the
// token re-read after it.
type usage struct {
	use    model.Use
	stored model.Record
	getErr error
}

// Use consumes a token, records the Use on it, re-reads the token (used is
// now true) and records that. A decline is an answer, so it is recorded too
// (status failed, the failed charge's id) and its *model.Error returned; a token
// the re-read finds missing (resource_missing) is marked Gone, as Refresh
// does, so it is not shown as still unused. A local refusal records
// nothing; a request that got no answer stays pending (writeAhead).
// Magic test tokens (tok_visa) are not recorded: Stripe mints a new
// token from one on every request, so there is no single token to hang the
// Use on. Bad input is refused before the state lock is taken, as by
// Create; nothing is sent when the state cannot be read, written or locked.
func (s *Session) Use(ctx context.Context, req model.UseRequest) (model.Use, model.Record, error) {
	return s.use(ctx, req, nil)
}

// use is Use; done, when not nil, may find under the lock (once the
// pending requests are replayed) the use already made and recorded, which
// is then returned (its refusal as the error) and nothing is sent.
func (s *Session) use(ctx context.Context, req model.UseRequest, done func(*state.Workspace) (model.Use, model.Record, bool)) (model.Use, model.Record, error) {
	if err := client.CheckUse(req); err != nil {
		return model.Use{}, model.Record{}, err
	}
	// A tok_ id does not say its kind; the state's record does, and a
	// magic test token is a card.
	kind := model.Kind("")
	if _, magic := model.MagicTokens[req.TokenID]; magic {
		kind = model.KindCard
	} else if rec, ok, _ := s.Token(req.TokenID); ok {
		kind = rec.Type
	}
	if err := client.CheckUseOf(kind, req); err != nil {
		return model.Use{}, model.Record{}, err
	}
	if err := s.stateReady(); err != nil {
		return model.Use{}, model.Record{}, err
	}
	req, err := s.withPersonAccount(ctx, req)
	if err != nil {
		return model.Use{}, model.Record{}, err
	}
	var (
		u      usage
		useErr error // the API's answer, when it refused
	)
	err = s.hold(ctx, "use", func(h *held) error {
		if done != nil {
			if use, rec, ok := done(h.workspace()); ok {
				u.use, u.stored, useErr = use, rec, recordedRefusal(use)
				return nil
			}
		}
		if _, magic := model.MagicTokens[req.TokenID]; magic {
			u.use, useErr = s.api.Use(h.ctx, req)
			return nil
		}
		p := model.NewPendingUse(req, newKey(), time.Now())
		send := func(ctx context.Context, key string) (err error) {
			req.IdempotencyKey = key
			u.use, err = s.api.Use(ctx, req)
			return err
		}
		return h.writeAhead(p, send, func(w *state.Workspace, err error) string {
			useErr = err
			return s.recordUse(h.ctx, w, req, &u)
		})
	})
	// A refusal comes back as err (the hold returns it) and as useErr.
	for _, e := range []error{err, useErr} {
		model.NameConsumer(e, u.stored)
		if f, derr := model.DecodeFields(u.stored.Raw); derr == nil {
			explainCard(e, f, "card")
		}
	}
	switch {
	case err != nil:
		return u.use, u.stored, err
	case useErr != nil:
		return u.use, u.stored, useErr
	case u.getErr != nil:
		return u.use, u.stored, fmt.Errorf("token used (%s), but re-reading it failed: %w", u.use.ObjectID, u.getErr)
	}
	return u.use, u.stored, nil
}

// recordUse re-reads the token u.use was made with and records the Use on
// it; it returns what the use made ("" when nothing did: a refusal that
// left no charge).
func (s *Session) recordUse(ctx context.Context, w *state.Workspace, req model.UseRequest, u *usage) string {
	var fresh model.Record
	fresh, u.getErr = s.api.Get(ctx, req.TokenID)
	old, had := w.Find(req.TokenID)
	switch {
	case u.getErr == nil:
		u.stored = known(w, fresh)
	case !had:
		return "" // nothing to hang the Use on
	case isMissing(u.getErr):
		u.stored = old
		u.stored.Gone = true
	default:
		u.stored = old
	}
	u.stored.Uses = append(u.stored.Uses, u.use)
	w.Upsert(u.stored)
	if u.use.ObjectID == "" {
		return ""
	}
	return fmt.Sprintf("%s %s of %s", u.use.Kind, u.use.ObjectID, req.TokenID)
}
