package service

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/tokenscope/tokenscope/client"
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

// Requests are the latest requests the session's client sent, oldest
// first (the request log).
func (s *Session) Requests() []model.LoggedRequest {
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

// errNothingToRecord ends a record fn that got no answer worth keeping:
// the state is left as it was, and the caller reports the request's error.
var errNothingToRecord = errors.New("nothing to record")

// record sends a write and records its answer under the state lock, taken
// BEFORE the request and held until the answer is written, as Terraform
// holds its lock for a whole apply: an answer can then never be lost to a
// lock that another tokenscope holds, which would orphan what the API made.
// fn sends the request and changes the freshly loaded workspace; when it
// returns an error the state file is left exactly as it was.
func (s *Session) record(ctx context.Context, op string, fn func(w *state.Workspace) error) error {
	if err := s.stateReady(); err != nil {
		return err
	}
	_, err := s.store.Update(ctx, op, func(st *state.State) error {
		return fn(s.workspaceOf(st))
	})
	if errors.Is(err, errNothingToRecord) {
		return nil
	}
	return err
}

// Create makes a token and records it, under scenario if not "". Bad
// input is refused before the state lock is taken, so it fails at once
// with its field and code; nothing is sent when the state cannot be read,
// written or locked.
func (s *Session) Create(ctx context.Context, req model.TokenRequest, scenario string) (model.Record, error) {
	if err := client.CheckCreate(req, time.Now()); err != nil {
		return model.Record{}, err
	}
	var rec model.Record
	err := s.record(ctx, "create", func(w *state.Workspace) error {
		made, err := s.api.Create(ctx, req)
		if err != nil {
			return err
		}
		rec = made
		rec.Scenario = scenario
		w.Upsert(rec)
		if scenario != "" {
			if w.Scenarios == nil {
				w.Scenarios = map[string]string{}
			}
			w.Scenarios[scenario] = rec.ID
		}
		return nil
	})
	return rec, err
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
	_, err = s.store.Update(ctx, "fetch", func(st *state.State) error {
		w := s.workspaceOf(st)
		stored = known(w, rec)
		w.Upsert(stored)
		return nil
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

// Use consumes a token, records the Use on it, re-reads the token (used is
// now true) and records that. A decline is an answer, so it is recorded too
// (status failed, the failed charge's id) and its *model.Error returned; a token
// the re-read finds missing (resource_missing) is marked Gone, as Refresh
// does, so it is not shown as still unused. A request that got no answer,
// or a local refusal, records nothing.
// Magic test tokens (tok_visa) are not recorded either: Stripe mints a new
// token from one on every request, so there is no single token to hang the
// Use on. Bad input is refused before the state lock is taken, as by
// Create; nothing is sent when the state cannot be read, written or locked.
func (s *Session) Use(ctx context.Context, req model.UseRequest) (model.Use, model.Record, error) {
	if err := client.CheckUse(req); err != nil {
		return model.Use{}, model.Record{}, err
	}
	var (
		use            model.Use
		stored         model.Record
		useErr, getErr error
	)
	err := s.record(ctx, "use", func(w *state.Workspace) error {
		use, useErr = s.api.Use(ctx, req)
		if _, magic := model.MagicTokens[req.TokenID]; magic || !answered(useErr) {
			return errNothingToRecord
		}
		var fresh model.Record
		fresh, getErr = s.api.Get(ctx, req.TokenID)
		old, had := w.Find(req.TokenID)
		switch {
		case getErr == nil:
			stored = known(w, fresh)
		case !had:
			return errNothingToRecord // nothing to hang the Use on
		case isMissing(getErr):
			stored = old
			stored.Gone = true
		default:
			stored = old
		}
		stored.Uses = append(stored.Uses, use)
		w.Upsert(stored)
		return nil
	})
	switch {
	case useErr != nil:
		return use, stored, useErr
	case err != nil:
		return use, stored, err
	case getErr != nil:
		return use, stored, fmt.Errorf("token used (%s), but re-reading it failed: %w", use.ObjectID, getErr)
	}
	return use, stored, nil
}

// answered: nil, or the API refused with a 4xx. Local checks, network
// failures and server faults are not answers about the token.
func answered(err error) bool {
	if err == nil {
		return true
	}
	e, ok := model.AsError(err)
	return ok && !e.Local && e.HTTPStatus >= 400 && e.HTTPStatus < 500
}
