package service

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"slices"
	"strings"
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
// API answered, else Unresolved why it was not sent again (with Err the
// last failure of one that got no answer maxTries times).
type Recovery struct {
	Pending model.Pending
	ID      string
	Err     error
	// Backend is where it was sent, for the steps to look for what it
	// made: Stripe's Dashboard logs only Stripe's requests.
	Backend model.BackendKind
}

// Text is the line a person reads about it. One left to the user is told
// in full once (Pending.Told), then reminded of in a line.
func (r Recovery) Text() string {
	p := r.Pending
	head := fmt.Sprintf("An interrupted request (%s, Idempotency-Key %s)", p.Summary, p.Key)
	var waiting *UnansweredError
	switch {
	case errors.As(r.Err, &waiting):
		return head + " was sent again and got no answer: it stays pending and is sent again by the next command that writes the state."
	case p.Unresolved != "" && p.Told:
		return head + " is still unresolved (tokenscope list names it); once checked, tokenscope state rm " + p.Key + "."
	case p.Unresolved != "":
		return head + " was not sent again: " + p.Unresolved + ". It may have made something the state does not hold: " + r.lookUp() + ", " + findWhatItMade(p) + ", then forget the request with `tokenscope state rm " + p.Key + "`."
	case r.ID != "":
		return head + " was sent again with its key: " + r.ID + " is now in the state."
	case r.Err != nil:
		return head + " was sent again with its key: " + r.Err.Error()
	}
	return head + " was sent again with its key and answered; nothing to record."
}

// Brief is Text in a few words, for a status line of 80 columns that
// wraps to three rows at most (the TUI's): what became of it, and where
// the rest is (the key to forget it by).
func (r Recovery) Brief() string {
	p := r.Pending
	head := "interrupted request (" + p.Summary + ")"
	var waiting *UnansweredError
	switch {
	case errors.As(r.Err, &waiting):
		return head + " got no answer again: it stays pending, sent again by the next write"
	case p.Unresolved != "" && p.Told:
		return head + " is still unresolved; once checked, tokenscope state rm " + p.Key
	case p.Unresolved != "":
		where := "tokenscope events"
		if r.Backend == model.BackendStripeTest {
			where = "the Dashboard's request logs"
		}
		// The reason's first clause: what follows it (an error's text,
		// why Stripe would not replay it) is in tokenscope state list.
		why := p.Unresolved
		if i := strings.IndexAny(why, ",("); i > 0 {
			why = strings.TrimSpace(why[:i])
		}
		return head + " not sent again: " + why + "; find what it made (" + where + "), then tokenscope state rm " + p.Key
	case r.ID != "":
		return "interrupted request sent again (" + p.Summary + "): " + r.ID + " is now in the state"
	}
	return r.Text()
}

// lookUp is where to find what an unresolved request made: Stripe's
// Dashboard logs Stripe's requests; an emulator (offline, or at
// --api-base) has no Dashboard, but its events name what it made.
func (r Recovery) lookUp() string {
	if r.Backend == model.BackendStripeTest {
		return "look the key up in the Dashboard's request logs (Developers > Logs)"
	}
	return "look for what it made in the backend's events (tokenscope events; the key is each event's request.idempotency_key)"
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

// LocalCode is UnansweredError's code when no answer of the API's says
// more (the write's time ran out before it was sent).
func (e *UnansweredError) LocalCode() string { return model.CodeNoAnswer }

// held is a write in progress: the state under its lock and the context
// its requests run in, bounded by the write timeout.
type held struct {
	s     *Session
	ctx   context.Context
	l     *state.Locked
	limit time.Duration
	// replayed are the pending requests this hold sent again (or left to
	// the user), as Recovery says what became of each; replaying says
	// whether that was done (or begun: replay reads the workspace too).
	replayed  []Recovery
	replaying bool
}

// hold runs fn under the state lock, the pending requests a dead (or
// cancelled) tokenscope left in the workspace sent again and recorded
// before fn first reads the workspace, or, when fn's first act is a write
// (writeAhead) that is one of them sent again, all but that one. All of
// it runs within the session's write timeout. Under a Locked context the
// lock it holds is used, and its state as the last write left it: no
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
	if fn == nil {
		h.replay("")
		return nil
	}
	return fn(h)
}

// workspace is the workspace under the lock, its pending requests sent
// again first.
func (h *held) workspace() *state.Workspace {
	h.replay("")
	return h.pending()
}

// recoveries say what became of the pending requests, once sent again.
func (h *held) recoveries() []Recovery {
	h.replay("")
	return h.replayed
}

// pending is the workspace as it is, pending requests and all.
func (h *held) pending() *state.Workspace { return h.s.workspaceOf(h.l.State()) }

// newKey is a fresh Idempotency-Key.
func newKey() string { return "tokenscope-" + fsutil.NewID() }

// writeAhead sends a write with its write-ahead record: p is saved (and
// fsynced) before send runs, so that what send makes can always be found
// again by p.Key, and it is removed, in the same save as what apply
// records of the answer, once the answer is back. send's error decides:
// a local refusal sent nothing (p goes); an answer, even a refusal, is
// final (apply runs, p goes); no answer leaves p for later.
//
// A write that asks what a pending request asked (the same write sent
// again after a cancel, or after its answer was lost) is that request:
// it is sent with the pending request's key, so the API answers with
// what the first made rather than making it a second time (two charges).
// send sends with key.
func (h *held) writeAhead(p model.Pending, send func(ctx context.Context, key string) error, apply func(w *state.Workspace, sendErr error) (made string)) error {
	if q, ok := h.again(p); ok {
		p.Key, p.Created, p.Tries = q.Key, q.Created, q.Tries
	}
	h.replay(p.Key)
	if err := h.ctx.Err(); err != nil {
		return h.timeout(p, err, "nothing was sent")
	}
	h.pending().AddPending(p)
	if err := h.l.Save(); err != nil {
		return fmt.Errorf("%w; nothing was sent", err)
	}
	return h.settle(p, send(h.ctx, p.Key), apply)
}

// again finds the pending request p is sent again as: one asking the
// same, still to be sent again (not left to the user, young enough for
// the API to know its key).
func (h *held) again(p model.Pending) (model.Pending, bool) {
	if h.replaying {
		return model.Pending{}, false // its pending requests are sent again already
	}
	for _, q := range h.pending().Pending {
		if q.Unresolved == "" && time.Since(q.Created) <= replayWindow && q.SameRequest(p) {
			return q, true
		}
	}
	return model.Pending{}, false
}

// settle records the answer to p's request and removes p, or keeps p
// when there was no answer. apply records a success (sendErr nil) or a
// refusal (a 4xx, which may have made a declined charge); another final
// answer (a live-mode one, discarded) records nothing.
func (h *held) settle(p model.Pending, sendErr error, apply func(*state.Workspace, error) string) error {
	w := h.pending()
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
// workspace that can be, but the one keyed skip (which the write at hand
// sends itself), and records what each made, saving after each so that a
// kill in the middle loses nothing. It is done once per hold.
func (h *held) replay(skip string) {
	if h.replaying {
		return
	}
	h.replaying = true
	if h.ctx.Err() != nil {
		return // nothing can be sent: a try is not spent on a cancelled write
	}
	if noReplay(h.ctx) {
		return
	}
	backend := h.s.api.Backend().Kind
	for _, p := range slices.Clone(h.pending().Pending) {
		if p.Key == skip {
			continue
		}
		if p.Unresolved != "" {
			// Left to the user, not sent again: told in full once
			// (README), then reminded of once per session (a command, a
			// TUI) in a line, so that it is not forgotten.
			h.s.recovered(Recovery{Pending: p, Backend: backend})
			if !p.Told {
				h.markTold(p)
			}
			continue
		}
		r := h.replayOne(p)
		r.Backend = backend
		h.replayed = append(h.replayed, r)
		h.s.recovered(r)
	}
}

// markTold records that the user was told in full of p, left to them.
func (h *held) markTold(p model.Pending) {
	p.Told = true
	h.pending().AddPending(p)
	_ = h.l.Save() // best effort: at worst the full text is told again
}

// noReplayKey marks a context whose holds send no pending request again:
// a refresh's second hold, after its first sent them (one try per
// refresh: a second would double the wait on an API that never answers).
type noReplayKey struct{}

func withoutReplay(ctx context.Context) context.Context {
	return context.WithValue(ctx, noReplayKey{}, true)
}

func noReplay(ctx context.Context) bool { return ctx.Value(noReplayKey{}) != nil }

func (h *held) replayOne(p model.Pending) Recovery {
	unresolved := func(why string) Recovery {
		// Told in full by the caller, now.
		p.Unresolved = why
		h.markTold(p)
		return Recovery{Pending: p}
	}
	if age := time.Since(p.Created); age > replayWindow {
		return unresolved(fmt.Sprintf("it is %s old, and an Idempotency-Key Stripe no longer keeps would make it a second time", age.Round(time.Hour)))
	}
	if ok, why := p.Replayable(); !ok {
		return unresolved(why)
	}
	var (
		send  func(ctx context.Context, key string) error
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
		send = func(ctx context.Context, _ string) (err error) { rec, err = h.s.api.Create(ctx, req); return err }
		apply = func(w *state.Workspace, err error) string {
			if err == nil {
				made = recordCreate(w, rec, p.Scenario).ID
			}
			return made
		}
	case model.PendingUse:
		req := p.UseRequest()
		var u usage
		send = func(ctx context.Context, _ string) (err error) { u.use, err = h.s.api.Use(ctx, req); return err }
		apply = func(w *state.Workspace, useErr error) string {
			made = h.s.recordUse(h.ctx, w, req, &u)
			return made
		}
	case model.PendingMove:
		mv := moving(h.s, *p.Move)
		send = mv.send
		apply = func(w *state.Workspace, err error) string {
			made = mv.record(w, err)
			return made
		}
	}
	err := h.settle(p, send(h.ctx, p.Key), apply)
	var ua *UnansweredError
	var ur *UnrecordedError
	switch {
	case errors.As(err, &ua):
		p.Tries++
		if p.Tries >= maxTries {
			r := unresolved(fmt.Sprintf("it got no answer %d times (%v)", p.Tries, ua.Err))
			r.Err = ua.Err // a network fault, as the tries before: not a local failure
			return r
		}
		h.pending().AddPending(p)
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
