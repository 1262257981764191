package service

import (
	"context"
	"errors"
	"net/http"
	"net/http/httptest"
	"os"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/tokenscope/tokenscope/client"
	"github.com/tokenscope/tokenscope/emulator"
	"github.com/tokenscope/tokenscope/internal/testio"
	"github.com/tokenscope/tokenscope/model"
	"github.com/tokenscope/tokenscope/model/state"
)

// crashSession is a session on an emulator in dir whose POSTs, while
// lose is set, are carried out by the emulator but never answered: the
// client sees a 503, as if the process had died once the API made the
// object and before it was recorded. sawPending counts POSTs during which
// state.json already held a pending record with the request's key.
type crashSession struct {
	*Session
	emu        *emulator.Emulator
	lose       atomic.Bool
	sawPending atomic.Int64
}

func newCrashSession(t *testing.T, dir string) *crashSession {
	t.Helper()
	emu, err := emulator.New(emulator.Options{Dir: dir})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { emu.Close() })
	cs := &crashSession{emu: emu}
	store, err := state.Open(state.Options{Dir: dir})
	if err != nil {
		t.Fatal(err)
	}
	h := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Method == http.MethodPost {
			if st, err := store.Load(); err == nil {
				for _, p := range st.Workspace("offline").Pending {
					if p.Key == r.Header.Get("Idempotency-Key") {
						cs.sawPending.Add(1)
					}
				}
			}
			if cs.lose.Load() {
				emu.ServeHTTP(httptest.NewRecorder(), r)
				http.Error(w, "lost", http.StatusServiceUnavailable)
				return
			}
		}
		emu.ServeHTTP(w, r)
	})
	c, err := client.New(client.Config{Handler: h})
	if err != nil {
		t.Fatal(err)
	}
	cs.Session = &Session{api: c, store: store}
	return cs
}

// Every create and use is written ahead: while its POST is in flight the
// state already holds a pending record with its Idempotency-Key, and
// once the answer is recorded the record is gone.
func TestWriteAheadRecordIsOnDiskBeforeSending(t *testing.T) {
	s := newCrashSession(t, t.TempDir())
	rec, err := s.Create(t.Context(), testio.Preset(t, "visa"), "")
	if err != nil {
		t.Fatal(err)
	}
	if _, _, err := s.Use(t.Context(), model.UseRequest{TokenID: rec.ID, Kind: model.UseCharge, Amount: 1000, Currency: "usd"}); err != nil {
		t.Fatal(err)
	}
	if n := s.sawPending.Load(); n != 2 {
		t.Errorf("%d of 2 POSTs had their pending record on disk", n)
	}
	if w := workspace(t, s.Session); len(w.Pending) != 0 {
		t.Errorf("pending left after the answers: %+v", w.Pending)
	}
}

// A create and a use the API carried out but whose answer was lost are
// sent again by the next write with the same key: the emulator answers
// with what the first made, which is then recorded, once.
func TestPendingIsSentAgainByTheNextWrite(t *testing.T) {
	dir := t.TempDir()
	s := newCrashSession(t, dir)
	var recovered []Recovery
	s.notify = func(r Recovery) { recovered = append(recovered, r) }
	base, err := s.Create(t.Context(), testio.Preset(t, "visa"), "")
	if err != nil {
		t.Fatal(err)
	}

	s.lose.Store(true)
	_, err = s.Create(t.Context(), testio.Preset(t, "mastercard"), "checkout")
	var ua *UnansweredError
	if !errors.As(err, &ua) || !strings.Contains(err.Error(), ua.Pending.Key) {
		t.Fatalf("create without an answer: %v", err)
	}
	_, _, err = s.Use(t.Context(), model.UseRequest{TokenID: base.ID, Kind: model.UseCharge, Amount: 1000, Currency: "usd"})
	if !errors.As(err, &ua) {
		t.Fatalf("use without an answer: %v", err)
	}
	s.lose.Store(false)
	pending := workspace(t, s.Session).Pending
	if len(pending) != 2 || pending[0].Tries != 1 {
		// the use's write sent the create again first, still unanswered
		t.Fatalf("pending %+v", pending)
	}

	if _, err := s.Fetch(t.Context(), base.ID); err != nil {
		t.Fatal(err)
	}
	w := workspace(t, s.Session)
	if len(w.Pending) != 0 || len(w.Tokens) != 2 {
		t.Fatalf("after the next write: %d pending, %d tokens", len(w.Pending), len(w.Tokens))
	}
	made := w.Tokens[0]
	if made.Preset != "mastercard" || w.Scenarios["checkout"] != made.ID {
		t.Errorf("the recovered token %+v, scenarios %v", made, w.Scenarios)
	}
	used, _ := w.Find(base.ID)
	if len(used.Uses) != 1 || !used.Used || !strings.HasPrefix(used.Uses[0].ObjectID, "ch_") {
		t.Fatalf("the recovered use: %+v", used.Uses)
	}
	// The use's write sent the create again (no answer), the fetch's sent
	// both.
	if len(recovered) != 3 || recovered[1].ID != made.ID || !strings.Contains(recovered[2].ID, used.Uses[0].ObjectID) {
		t.Fatalf("recoveries %+v", recovered)
	}
	if text := recovered[0].Text(); !strings.Contains(text, "got no answer") {
		t.Errorf("recovery text %q", text)
	}
	if text := recovered[1].Text(); !strings.Contains(text, made.ID+" is now in the state") || !strings.Contains(text, recovered[1].Pending.Key) {
		t.Errorf("recovery text %q", text)
	}
	// Each was made once: the replays were answered as replays.
	replayed := 0
	for _, e := range s.Requests() {
		if e.Replayed {
			replayed++
		}
	}
	if replayed != 2 {
		t.Errorf("%d replayed answers, want 2", replayed)
	}
}

// The answer to a create that the state cannot record (a full disk,
// here a backup that cannot be renamed into place) is reported with the
// token's id and key, stays pending, and is recorded by the next write
// that can.
func TestUnrecordedAnswerIsRecordedLater(t *testing.T) {
	dir := t.TempDir()
	s := newCrashSession(t, dir)
	if _, err := s.Create(t.Context(), testio.Preset(t, "visa"), ""); err != nil {
		t.Fatal(err)
	}
	obstacle := s.store.Path() + ".backup"
	inner := s.api
	s.api = apiHook{API: inner, before: func() {
		os.Remove(obstacle)
		os.Mkdir(obstacle, 0o700) // rename(2) cannot put a file over a dir
	}}
	rec, err := s.Create(t.Context(), testio.Preset(t, "amex"), "")
	var ur *UnrecordedError
	if !errors.As(err, &ur) || rec.ID == "" || ur.Made != rec.ID || !strings.Contains(err.Error(), rec.ID) || !strings.Contains(err.Error(), ur.Key) {
		t.Fatalf("create whose answer cannot be written: %s %v", rec.ID, err)
	}
	w := workspace(t, s.Session)
	if _, ok := w.Find(rec.ID); ok || len(w.Pending) != 1 || w.Pending[0].Key != ur.Key {
		t.Fatalf("state %+v", w)
	}
	s.api = inner
	os.Remove(obstacle)
	if _, err := s.Refresh(t.Context(), nil, nil); err != nil {
		t.Fatal(err)
	}
	w = workspace(t, s.Session)
	if got, ok := w.Find(rec.ID); !ok || got.Preset != "amex" || len(w.Pending) != 0 {
		t.Errorf("after refresh: %v %+v", ok, w.Pending)
	}
}

// apiHook calls before ahead of every Create.
type apiHook struct {
	client.API
	before func()
}

func (a apiHook) Create(ctx context.Context, req model.TokenRequest) (model.Record, error) {
	a.before()
	return a.API.Create(ctx, req)
}

// A slow API holds the state lock for the write timeout at most, retries
// included, then the write says what happened and how it is recovered;
// the request stays pending.
func TestWriteTimeoutBoundsTheLock(t *testing.T) {
	dir := t.TempDir()
	slow := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		select {
		case <-r.Context().Done():
		case <-time.After(time.Minute):
		}
		http.Error(w, "slow", http.StatusGatewayTimeout)
	})
	c, err := client.New(client.Config{Handler: slow, MaxRetries: 2, Timeout: 30 * time.Second})
	if err != nil {
		t.Fatal(err)
	}
	store, _ := state.Open(state.Options{Dir: dir})
	s := &Session{api: c, store: store, writeTimeout: 300 * time.Millisecond}
	start := time.Now()
	_, err = s.Create(t.Context(), testio.Preset(t, "visa"), "")
	held := time.Since(start)
	var ua *UnansweredError
	if !errors.As(err, &ua) || ua.Limit != 300*time.Millisecond || !strings.Contains(err.Error(), "no answer within 300ms, retries included") || !strings.Contains(err.Error(), "stays in the state as pending") {
		t.Fatalf("create against a slow API: %v", err)
	}
	if e, ok := model.AsError(err); !ok || e.Type != model.TypeConnection {
		t.Errorf("not a connection error (exit 3): %v", err)
	}
	if held > 3*time.Second {
		t.Errorf("the write held the lock %v", held)
	}
	if w := workspace(t, s); len(w.Pending) != 1 {
		t.Errorf("pending %+v", w.Pending)
	}
	// The lock is free again.
	if _, err := store.Update(t.Context(), "probe", func(*state.State) error { return nil }); err != nil {
		t.Errorf("the lock: %v", err)
	}
}

// A pending create whose secret is no test data, and one older than
// Stripe keeps a key, are not sent again: they are kept as unresolved,
// reported with their key, until `state rm KEY`.
func TestUnreplayablePendingIsReported(t *testing.T) {
	s := newSession(t, t.TempDir())
	var recovered []Recovery
	s.notify = func(r Recovery) { recovered = append(recovered, r) }
	own := testio.Preset(t, "visa")
	own.Card.CVC = "987"
	old := model.NewPendingCreate(testio.Preset(t, "visa"), "tokenscope-old", "", time.Now().Add(-25*time.Hour))
	if _, err := s.store.Update(t.Context(), "seed", func(st *state.State) error {
		w := s.workspaceOf(st)
		w.AddPending(model.NewPendingCreate(own, "tokenscope-own", "", time.Now()))
		w.AddPending(old)
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Create(t.Context(), testio.Preset(t, "visa"), ""); err != nil {
		t.Fatal(err)
	}
	if len(recovered) != 2 {
		t.Fatalf("recoveries %+v", recovered)
	}
	for i, want := range []string{"card[cvc] was no test data", "25h0m0s old"} {
		if text := recovered[i].Text(); !strings.Contains(text, want) || !strings.Contains(text, "state rm "+recovered[i].Pending.Key) {
			t.Errorf("recovery %d: %q", i, text)
		}
	}
	pending, _ := s.Pending()
	if len(pending) != 2 || pending[0].Unresolved == "" {
		t.Fatalf("pending %+v", pending)
	}
	recovered = nil
	if _, err := s.Create(t.Context(), testio.Preset(t, "visa"), ""); err != nil || len(recovered) != 0 {
		t.Errorf("an unresolved request was reported again: %v %+v", err, recovered)
	}
	if err := s.Remove(t.Context(), []string{"tokenscope-own", "tokenscope-old"}); err != nil {
		t.Fatal(err)
	}
	if pending, _ := s.Pending(); len(pending) != 0 {
		t.Errorf("after state rm: %+v", pending)
	}
}
