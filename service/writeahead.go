package service

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"slices"
	"time"

	"github.com/tokenscope/tokenscope/internal/fsutil"
	"github.com/tokenscope/tokenscope/model"
	"github.com/tokenscope/tokenscope/model/state"
)

// DefaultWriteTimeout bounds how long a write holds the state lock once it
// has it: every request it sends (pending ones sent again first, then its
// own), retries and the re-read of a used token included. A slow API
// otherwise kept the lock for 3 x 30 s, every other tokenscope waiting.
const DefaultWriteTimeout = 30 * time.Second

// Replaying pending requests.
const (
	// replayWindow is how old a pending request may be and still be sent
	// again: Stripe keeps an Idempotency-Key for at least 24 hours, and a
	// key it has forgotten would make the object a second time.
	replayWindow = 23 * time.Hour
	// maxTries is how many times a pending request is sent again without
	// an answer before it is left to the user (Unresolved).
	maxTries = 3
)

// Recovery is what became of a pending request a tokenscope left in the
// state (killed, or unable to record the answer) when a later one sent it
// again: ID is what it made and is now recorded, else Err says what the
// API answered, else Unresolved why it was not sent again.
type Recovery struct {
	Pending model.Pending
	ID      string
	Err     error
}

// Text is the line a person reads about it.
func (r Recovery) Text() string {
	p := r.Pending
	head := fmt.Sprintf("An interrupted request (%s, Idempotency-Key %s)", p.Summary, p.Key)
	var waiting *UnansweredError
	switch {
	case errors.As(r.Err, &waiting):
		return head + " was sent again and got no answer: it stays pending and is sent again by the next command that writes the state."
	case p.Unresolved != "":
		return head + " was not sent again: " + p.Unresolved + ". It may have made something the state does not hold: look the key up in the Dashboard's request logs (Developers > Logs), add a token it made with `tokenscope get ID`, then forget the request with `tokenscope state rm " + p.Key + "`."
	case r.ID != "":
		return head + " was sent again with its key: " + r.ID + " is now in the state."
	case r.Err != nil:
		return head + " was sent again with its key: " + r.Err.Error()
	}
	return head + " was sent again with its key and answered; nothing to record."
}

// UnrecordedError is a write the API carried out whose answer the state
// could not record (a full disk): what was made, and how it is recovered.
type UnrecordedError struct {
	Made string // "tok_…", "charge ch_… of tok_…"
	Key  string
	Err  error
}

func (e *UnrecordedError) Error() string {
	return fmt.Sprintf("%s was made, but the state could not record it: %v\nThe request stays in the state as pending (Idempotency-Key %s): the next tokenscope command that can write the state, or `tokenscope refresh`, sends it again with that key, gets %s back and records it.", e.Made, e.Err, e.Key, e.Made)
}

func (e *UnrecordedError) Unwrap() error { return e.Err }

// LocalCode is UnrecordedError's code in --json's error object.
func (e *UnrecordedError) LocalCode() string { return model.CodePendingUnrecorded }

// UnansweredError is a write that got no answer (no connection, a
// timeout, a server fault): it may have been carried out, so it stays
// pending in the state and is sent again, with its key, later.
type UnansweredError struct {
	Pending model.Pending
	// Limit is the write timeout when it is what ended the wait.
	Limit time.Duration
	Err   error
}

func (e *UnansweredError) Error() string {
	why := e.Err.Error()
	if e.Limit > 0 {
		why = fmt.Sprintf("no answer within %s, retries included (%v); tokenscope stopped waiting rather than hold the state lock any longer", e.Limit, e.Err)
	}
	return fmt.Sprintf("%s\n%s may have been carried out: it stays in the state as pending (Idempotency-Key %s), and the next tokenscope command that writes the state, or `tokenscope refresh`, sends it again with that key and records what it made.", why, e.Pending.Summary, e.Pending.Key)
}

func (e *UnansweredError) Unwrap() error { return e.Err }

// held is a write in progress: the state under its lock and the context
// its requests run in, bounded by the write timeout.
type held struct {
	s     *Session
	ctx   context.Context
	l     *state.Locked
	limit time.Duration
	// replayed are the pending requests this hold sent again (or left to
	// the user), as Recovery says what became of each.
	replayed []Recovery
}

// hold runs fn under the state lock, once the pending requests a dead
// tokenscope left in the workspace have been sent again and recorded. All
// of it runs within the session's write timeout. Under a Locked context
// the lock it holds is used, and its state as the last write left it: no
// other process can have written since. Only a write that failed, or
// whose save failed, may leave changes the file lacks; they are dropped
// (Reload), as a new lock would drop them.
func (s *Session) hold(ctx context.Context, op string, fn func(h *held) error) error {
	if l := s.lockedIn(ctx); l != nil {
		err := s.holding(ctx, l, fn)
		if err != nil || l.Unsaved() {
			if rerr := l.Reload(); rerr != nil {
				err = errors.Join(err, rerr)
			}
		}
		return err
	}
	return s.store.Hold(ctx, op, func(l *state.Locked) error {
		return s.holding(ctx, l, fn)
	})
}

// holding is hold once the lock is held.
func (s *Session) holding(ctx context.Context, l *state.Locked, fn func(h *held) error) error {
	limit := s.writeTimeout
	if limit <= 0 {
		limit = DefaultWriteTimeout
	}
	hctx, cancel := context.WithTimeout(ctx, limit)
	defer cancel()
	h := &held{s: s, ctx: hctx, l: l, limit: limit}
	h.replay()
	if fn == nil {
		return nil
	}
	return fn(h)
}

func (h *held) workspace() *state.Workspace { return h.s.workspaceOf(h.l.State()) }

// newKey is a fresh Idempotency-Key.
func newKey() string { return "tokenscope-" + fsutil.NewID() }

// writeAhead sends a write with its write-ahead record: p is saved (and
// fsynced) before send runs, so that what send makes can always be found
// again by p.Key, and it is removed, in the same save as what apply
// records of the answer, once the answer is back. send's error decides:
// a local refusal sent nothing (p goes); an answer, even a refusal, is
// final (apply runs, p goes); no answer leaves p for later.
func (h *held) writeAhead(p model.Pending, send func(context.Context) error, apply func(w *state.Workspace, sendErr error) (made string)) error {
	if err := h.ctx.Err(); err != nil {
		return h.timeout(p, err, "nothing was sent")
	}
	h.workspace().AddPending(p)
	if err := h.l.Save(); err != nil {
		return fmt.Errorf("%w; nothing was sent", err)
	}
	return h.settle(p, send(h.ctx), apply)
}

// settle records the answer to p's request and removes p, or keeps p
// when there was no answer. apply records a success (sendErr nil) or a
// refusal (a 4xx, which may have made a declined charge); another final
// answer (a live-mode one, discarded) records nothing.
func (h *held) settle(p model.Pending, sendErr error, apply func(*state.Workspace, error) string) error {
	w := h.workspace()
	if e, ok := model.AsError(sendErr); ok && e.Local {
		w.RemovePending(p.Key)
		_ = h.l.Save() // best effort: a leftover record of a request never sent is only sent again
		return sendErr
	}
	if sendErr != nil && !answered(sendErr) {
		return h.timeout(p, sendErr, "")
	}
	var made string
	if sendErr == nil || refused(sendErr) {
		made = apply(w, sendErr)
	}
	w.RemovePending(p.Key)
	if err := h.l.Save(); err != nil {
		if made == "" {
			return errors.Join(sendErr, err)
		}
		return &UnrecordedError{Made: made, Key: p.Key, Err: err}
	}
	return sendErr
}

// timeout wraps the error of a request that got no answer; when the write
// timeout is what ended it, it says so.
func (h *held) timeout(p model.Pending, err error, note string) error {
	ue := &UnansweredError{Pending: p, Err: err}
	if errors.Is(h.ctx.Err(), context.DeadlineExceeded) {
		ue.Limit = h.limit
	}
	if note != "" {
		return fmt.Errorf("%w (%s)", ue, note)
	}
	return ue
}

// answered: the API answered, so the request's outcome is final and
// known: a success, or a refusal (a 4xx, a live-mode answer). No answer, a
// conflict with a request in flight (409), a rate limit (429) and a server
// fault (5xx, which a proxy may give without the API having seen the
// request) leave it unknown. A local refusal is no answer either: nothing
// was sent.
func answered(err error) bool {
	if err == nil {
		return true
	}
	e, ok := model.AsError(err)
	if !ok || e.Local || e.Type == model.TypeConnection {
		return false
	}
	switch {
	case e.Code == model.CodeEmulatorCorrupt:
		// The offline emulator's files are damaged: it refused before
		// changing anything (model's explanation says so), so there is
		// nothing to send again.
		return true
	case e.HTTPStatus == http.StatusConflict, e.HTTPStatus == http.StatusTooManyRequests, e.HTTPStatus >= 500:
		return false
	}
	return e.HTTPStatus > 0
}

// refused: the API refused the request (a 4xx), which may still have
// made something (a declined charge).
func refused(err error) bool {
	e, ok := model.AsError(err)
	return ok && !e.Local && e.HTTPStatus >= 400 && e.HTTPStatus < 500
}

// replay sends again, with the same key, every pending request of the
// workspace that can be, and records what each made, saving after each so
// that a kill in the middle loses nothing.
func (h *held) replay() {
	if h.ctx.Err() != nil {
		return // nothing can be sent: a try is not spent on a cancelled write
	}
	for _, p := range slices.Clone(h.workspace().Pending) {
		if p.Unresolved != "" {
			// Left to the user: said once per session (a command, a
			// TUI), not sent again.
			h.s.recovered(Recovery{Pending: p})
			continue
		}
		r := h.replayOne(p)
		h.replayed = append(h.replayed, r)
		h.s.recovered(r)
	}
}

func (h *held) replayOne(p model.Pending) Recovery {
	unresolved := func(why string) Recovery {
		p.Unresolved = why
		h.workspace().AddPending(p)
		_ = h.l.Save() // best effort, as in settle: the record is replayed again
		return Recovery{Pending: p}
	}
	if age := time.Since(p.Created); age > replayWindow {
		return unresolved(fmt.Sprintf("it is %s old, and an Idempotency-Key Stripe no longer keeps would make it a second time", age.Round(time.Hour)))
	}
	if ok, why := p.Replayable(); !ok {
		return unresolved(why)
	}
	var (
		send  func(context.Context) error
		apply func(*state.Workspace, error) string
		made  string
	)
	switch p.Op {
	case model.PendingCreate:
		req, err := p.CreateRequest(time.Now())
		if err != nil {
			return unresolved(err.Error())
		}
		var rec model.Record
		send = func(ctx context.Context) (err error) { rec, err = h.s.api.Create(ctx, req); return err }
		apply = func(w *state.Workspace, err error) string {
			if err == nil {
				made = recordCreate(w, rec, p.Scenario).ID
			}
			return made
		}
	case model.PendingUse:
		req := p.UseRequest()
		var u usage
		send = func(ctx context.Context) (err error) { u.use, err = h.s.api.Use(ctx, req); return err }
		apply = func(w *state.Workspace, useErr error) string {
			made = h.s.recordUse(h.ctx, w, req, &u)
			return made
		}
	}
	err := h.settle(p, send(h.ctx), apply)
	var ua *UnansweredError
	var ur *UnrecordedError
	switch {
	case errors.As(err, &ua):
		p.Tries++
		if p.Tries >= maxTries {
			return unresolved(fmt.Sprintf("it got no answer %d times (%v)", p.Tries, ua.Err))
		}
		h.workspace().AddPending(p)
		_ = h.l.Save() // best effort, as in settle: the record is replayed again
		return Recovery{Pending: p, Err: err}
	case errors.As(err, &ur):
		return Recovery{Pending: p, Err: err}
	case err != nil:
		if e, ok := model.AsError(err); ok && e.Local {
			return unresolved("it was refused locally: " + err.Error())
		}
		return Recovery{Pending: p, Err: err}
	}
	return Recovery{Pending: p, ID: made}
}
