package service

import (
	"context"
	"errors"
	"net/http"
	"os"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/tokenscope/tokenscope/client"
	"github.com/tokenscope/tokenscope/emulator"
	"github.com/tokenscope/tokenscope/internal/fsutil"
	"github.com/tokenscope/tokenscope/internal/testio"
	"github.com/tokenscope/tokenscope/model"
	"github.com/tokenscope/tokenscope/model/state"
)

// newSession is a Session on an emulator persisted in dir, with the state
// in the same dir, as tokenscope runs offline.
func newSession(t testing.TB, dir string) *Session {
	t.Helper()
	emu, err := emulator.New(emulator.Options{Dir: dir})
	if err != nil {
		t.Fatal(err)
	}
	c, err := client.New(client.Config{Handler: emu, LogSize: 2000})
	if err != nil {
		t.Fatal(err)
	}
	store, err := state.Open(state.Options{Dir: dir})
	if err != nil {
		t.Fatal(err)
	}
	return &Session{api: c, store: store}
}

func workspace(t testing.TB, s *Session) *state.Workspace {
	t.Helper()
	st, err := s.store.Load()
	if err != nil {
		t.Fatal(err)
	}
	return st.Workspace("offline")
}

func TestSessionCreateUseFetch(t *testing.T) {
	s := newSession(t, t.TempDir())
	ctx := t.Context()
	rec, err := s.Create(ctx, testio.Preset(t, "visa"), "checkout_ok")
	if err != nil {
		t.Fatal(err)
	}
	w := workspace(t, s)
	if got, ok := w.Find(rec.ID); !ok || got.Scenario != "checkout_ok" || got.Preset != "visa" || w.Scenarios["checkout_ok"] != rec.ID {
		t.Fatalf("state after create: %+v %v", w, ok)
	}
	if w.Backend != "OFFLINE emulator (no key)" {
		t.Errorf("workspace backend label %q", w.Backend)
	}

	use, used, err := s.Use(ctx, model.UseRequest{TokenID: rec.ID, Kind: model.UseCustomer})
	if err != nil {
		t.Fatal(err)
	}
	got, _ := workspace(t, s).Find(rec.ID)
	if !used.Used || !got.Used || len(got.Uses) != 1 || got.Uses[0].ObjectID != use.ObjectID || got.Uses[0].Status != "attached" || got.Preset != "visa" {
		t.Fatalf("state after use: %+v", got)
	}

	magic, err := s.Fetch(ctx, "tok_mastercard")
	if err != nil {
		t.Fatal(err)
	}
	if _, ok := workspace(t, s).Find(magic.ID); !ok {
		t.Errorf("fetched %s did not join the state", magic.ID)
	}
}

func TestSessionRecordsDecline(t *testing.T) {
	s := newSession(t, t.TempDir())
	ctx := t.Context()
	rec, _ := s.Create(ctx, testio.Preset(t, "insufficient_funds"), "")
	use, _, err := s.Use(ctx, model.UseRequest{TokenID: rec.ID, Kind: model.UseCharge, Amount: 1500, Currency: "usd"})
	e, ok := model.AsError(err)
	if !ok || e.DeclineCode != "insufficient_funds" {
		t.Fatalf("got %#v", err)
	}
	got, _ := workspace(t, s).Find(rec.ID)
	if len(got.Uses) != 1 {
		t.Fatalf("uses %+v", got.Uses)
	}
	u := got.Uses[0]
	if u.Status != "failed" || u.ObjectID != e.Charge || u.ObjectID == "" || u.DeclineCode != "insufficient_funds" ||
		u.Code != "card_declined" || u.Amount != 1500 || u.Currency != "usd" || u.RequestID != e.RequestID || u != use {
		t.Errorf("recorded use %+v, returned %+v", u, use)
	}
}

// A request that fails records no token and no use. A local refusal and
// a live-mode answer (discarded) leave nothing pending either; a request
// the API may have carried out without answering (a server fault, a
// proxy's 502) stays pending with its key, to be sent again.
func TestSessionFailedRequestRecordsNothing(t *testing.T) {
	dir := t.TempDir()
	s := newSession(t, dir)
	ctx := t.Context()
	rec, err := s.Create(ctx, testio.Preset(t, "visa"), "")
	if err != nil {
		t.Fatal(err)
	}
	broken := map[string]struct {
		h       http.Handler
		pending int
	}{
		"server fault": {testio.Answer(http.StatusInternalServerError, `{"error":{"type":"api_error","message":"boom"}}`), 2},
		"livemode":     {testio.Answer(http.StatusOK, `{"id":"tok_live","object":"token","type":"card","livemode":true}`), 0},
		"not json":     {testio.Answer(http.StatusBadGateway, `<html>bad gateway</html>`), 2},
	}
	for name, b := range broken {
		os.Remove(s.store.Path())
		if _, err := s.store.Update(ctx, "seed", func(st *state.State) error { s.workspaceOf(st).Upsert(rec); return nil }); err != nil {
			t.Fatal(err)
		}
		c, _ := client.New(client.Config{Handler: b.h})
		s.api = c
		bad := testio.Preset(t, "visa")
		bad.Card.ExpMonth = 13
		if _, err := s.Create(ctx, testio.Preset(t, "visa"), "x"); err == nil {
			t.Errorf("%s: create succeeded", name)
		}
		_, err := s.Create(ctx, bad, "x")
		if e, ok := model.AsError(err); !ok || !e.Local {
			t.Errorf("%s: create with month 13: %v", name, err)
		}
		if _, err := s.Fetch(ctx, rec.ID); err == nil {
			t.Errorf("%s: fetch succeeded", name)
		}
		if _, _, err := s.Use(ctx, model.UseRequest{TokenID: rec.ID, Kind: model.UseCustomer}); err == nil {
			t.Errorf("%s: use succeeded", name)
		}
		w := workspace(t, s)
		if got, _ := w.Find(rec.ID); len(w.Tokens) != 1 || len(got.Uses) != 0 || len(w.Scenarios) != 0 {
			t.Errorf("%s: recorded %+v", name, w)
		}
		if len(w.Pending) != b.pending {
			t.Errorf("%s: %d pending, want %d: %+v", name, len(w.Pending), b.pending, w.Pending)
		}
	}
}

func TestRefreshShowsAndRecordsDrift(t *testing.T) {
	s := newSession(t, t.TempDir())
	ctx := t.Context()
	var ids []string
	for _, p := range []string{"visa", "amex", "bank_ok"} {
		rec, err := s.Create(ctx, testio.Preset(t, p), "")
		if err != nil {
			t.Fatal(err)
		}
		ids = append(ids, rec.ID)
	}
	// Used behind the state's back, as by another integration.
	if _, err := s.api.Use(ctx, model.UseRequest{TokenID: ids[0], Kind: model.UseCharge, Amount: 1000, Currency: "usd"}); err != nil {
		t.Fatal(err)
	}
	gone, err := model.NewRecord([]byte(`{"id":"tok_vanished","object":"token","type":"card","used":false,"livemode":false,"created":1700000000}`), "req_old", time.Now())
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.store.Update(ctx, "test", func(st *state.State) error { st.Workspace("offline").Upsert(gone); return nil }); err != nil {
		t.Fatal(err)
	}

	var calls, last int
	report, err := s.Refresh(ctx, nil, func(done, total int) { calls++; last = done; _ = total })
	if err != nil {
		t.Fatal(err)
	}
	if report.Total != 4 || calls != 4 || last != 4 || len(report.Errors) != 0 {
		t.Fatalf("report %+v, %d progress calls ending at %d", report, calls, last)
	}
	want := []model.Drift{
		{ID: "tok_vanished", Code: "resource_missing", Gone: true},
		{ID: ids[0], Field: "used", From: "false", To: "true"},
	}
	if !sameDrifts(report.Drifts, want) {
		t.Fatalf("drifts %+v, want %+v", report.Drifts, want)
	}
	w := workspace(t, s)
	if r, _ := w.Find(ids[0]); !r.Used {
		t.Error("used not recorded")
	}
	if r, _ := w.Find("tok_vanished"); !r.Gone {
		t.Error("gone not recorded")
	}

	again, err := s.Refresh(ctx, nil, nil)
	if err != nil || again.Total != 3 || len(again.Drifts) != 0 {
		t.Fatalf("second refresh: %+v, %v (gone tokens are not re-read, nothing drifted)", again, err)
	}
}

func sameDrifts(got, want []model.Drift) bool {
	if len(got) != len(want) {
		return false
	}
	seen := map[model.Drift]bool{}
	for _, d := range got {
		seen[d] = true
	}
	for _, d := range want {
		if !seen[d] {
			return false
		}
	}
	return true
}

// BenchmarkRefresh1000: refresh of 1,000 tokens against the emulator,
// persisted in a temp dir, recorded in one state update. Budget: < 1 s.
func BenchmarkRefresh1000(b *testing.B) {
	dir := b.TempDir()
	s := newSession(b, dir)
	ctx := context.Background()
	var recs []model.Record
	for range 1000 {
		rec, err := s.api.Create(ctx, testio.Preset(b, "visa"))
		if err != nil {
			b.Fatal(err)
		}
		recs = append(recs, rec)
	}
	if _, err := s.store.Update(ctx, "seed", func(st *state.State) error {
		for _, r := range recs {
			st.Workspace("offline").Upsert(r)
		}
		return nil
	}); err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		report, err := s.Refresh(ctx, nil, nil)
		if err != nil || report.Total != 1000 || len(report.Errors) != 0 {
			b.Fatalf("%+v %v", report, err)
		}
	}
}

// WorkspaceName is the backend's workspace unless the session names its own
// (the SSH server gives each key one), and writes go where it says.
func TestSessionWorkspaceName(t *testing.T) {
	s := newSession(t, t.TempDir())
	if got := s.WorkspaceName(); got != "offline" {
		t.Errorf("WorkspaceName() = %q, want the backend's offline", got)
	}
	s.workspace = "offline:key-SHA256:abc"
	if got := s.WorkspaceName(); got != s.workspace {
		t.Errorf("WorkspaceName() = %q, want %q", got, s.workspace)
	}
	rec, err := s.Create(t.Context(), testio.Preset(t, "visa"), "")
	if err != nil {
		t.Fatal(err)
	}
	st, err := s.store.Load()
	if err != nil {
		t.Fatal(err)
	}
	if _, ok := st.Workspace(s.workspace).Find(rec.ID); !ok {
		t.Errorf("%s is not in workspace %s", rec.ID, s.workspace)
	}
	if _, ok := st.Workspace("offline").Find(rec.ID); ok {
		t.Errorf("%s went to the backend's workspace too", rec.ID)
	}
	if got := (&Session{}).WorkspaceName(); got != "" {
		t.Errorf("a session without an API: %q", got)
	}
}

// With a state.json that cannot be read, Create, Use, Fetch and Refresh
// send nothing: a token made now could not be recorded.
func TestUnreadableStateSendsNothing(t *testing.T) {
	dir := t.TempDir()
	emu, err := emulator.New(emulator.Options{Dir: dir})
	if err != nil {
		t.Fatal(err)
	}
	h := &testio.Counting{H: emu}
	c, err := client.New(client.Config{Handler: h})
	if err != nil {
		t.Fatal(err)
	}
	store, err := state.Open(state.Options{Dir: dir})
	if err != nil {
		t.Fatal(err)
	}
	s := &Session{api: c, store: store}
	if err := os.WriteFile(store.Path(), []byte(`{"version":1,"workspa`), fsutil.FileMode); err != nil {
		t.Fatal(err)
	}
	ctx := t.Context()
	_, err1 := s.Create(ctx, testio.Preset(t, "visa"), "")
	_, _, err2 := s.Use(ctx, model.UseRequest{TokenID: "tok_visa", Kind: model.UseCustomer})
	_, err3 := s.Fetch(ctx, "tok_visa")
	_, err4 := s.Refresh(ctx, []string{"tok_visa"}, nil)
	for i, err := range []error{err1, err2, err3, err4} {
		if err == nil || !strings.Contains(err.Error(), "cannot read state") {
			t.Errorf("call %d: %v", i+1, err)
		}
	}
	if n := h.N.Load(); n != 0 {
		t.Fatalf("%d requests sent with an unreadable state, want 0", n)
	}
}

// A use the API answers resource_missing for (the token no longer
// exists) marks the record Gone, as a refresh would, instead of leaving it
// "still unused"; the refused attempt is kept in its uses.
func TestSessionUseOfAMissingTokenMarksItGone(t *testing.T) {
	s := newSession(t, t.TempDir())
	rec, err := s.Create(t.Context(), testio.Preset(t, "visa"), "")
	if err != nil {
		t.Fatal(err)
	}
	s.api = newSession(t, t.TempDir()).api // an emulator that never made it

	use, stored, err := s.Use(t.Context(), model.UseRequest{TokenID: rec.ID, Kind: model.UseCustomer})
	if !isMissingErr(err) {
		t.Fatalf("use: %v, want resource_missing", err)
	}
	got, _ := workspace(t, s).Find(rec.ID)
	if !stored.Gone || !got.Gone {
		t.Errorf("returned gone %v, recorded gone %v, want both", stored.Gone, got.Gone)
	}
	if len(got.Uses) != 1 || got.Uses[0] != use || use.Code != "resource_missing" {
		t.Errorf("recorded uses %+v, returned %+v", got.Uses, use)
	}
}

func isMissingErr(err error) bool {
	e, ok := model.AsError(err)
	return ok && e.Code == "resource_missing"
}

// Bad input fails at once with its field and code, even while another
// tokenscope holds the state lock: the local check runs before the lock is
// taken, so it neither waits for the lock nor is hidden by its error.
func TestSessionRefusesBadInputBeforeTheLock(t *testing.T) {
	dir := t.TempDir()
	emu, err := emulator.New(emulator.Options{Dir: dir})
	if err != nil {
		t.Fatal(err)
	}
	c, err := client.New(client.Config{Handler: emu})
	if err != nil {
		t.Fatal(err)
	}
	store, err := state.Open(state.Options{Dir: dir, LockTimeout: 5 * time.Second})
	if err != nil {
		t.Fatal(err)
	}
	s := &Session{api: c, store: store}
	release, err := fsutil.Lock(t.Context(), store.Path()+".lock", -1, nil)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(release)

	check := func(what string, err error, param, code string, start time.Time) {
		t.Helper()
		var lockErr *state.LockError
		e, ok := model.AsError(err)
		switch {
		case errors.As(err, &lockErr):
			t.Errorf("%s: %v, want %s on %s, not a lock error", what, err, code, param)
		case !ok || e.Code != code || e.Param != param || !e.Local:
			t.Errorf("%s: %v, want a local %s on %s", what, err, code, param)
		}
		if d := time.Since(start); d > time.Second {
			t.Errorf("%s took %v waiting for the lock, want at once", what, d)
		}
	}
	start := time.Now()
	_, err = s.Create(t.Context(), model.TokenRequest{Kind: model.KindCard, Card: &model.CardInput{Number: "4242424242424241", ExpMonth: 12, ExpYear: 2031}}, "")
	check("create", err, model.ParamNumber, "incorrect_number", start)

	start = time.Now()
	_, _, err = s.Use(t.Context(), model.UseRequest{TokenID: "not-a-token", Kind: model.UseCustomer})
	fe, _ := model.ValidateUse(model.UseRequest{TokenID: "not-a-token", Kind: model.UseCustomer}).(*model.FieldError)
	if fe == nil {
		t.Fatal("the use request the test sends is valid")
	}
	check("use", err, fe.Param, fe.Code, start)
}

// lockedSession is a Session on an emulator in dir whose requests are
// counted, with a state store that fails at once on a held lock (as
// --lock-timeout 0s). Each POST also checks whether the state lock is held
// while it is being answered, and counts it in heldDuringPost.
type lockedSession struct {
	*Session
	sent, heldDuringPost atomic.Int64
}

func newLockedSession(t *testing.T, dir string) *lockedSession {
	t.Helper()
	emu, err := emulator.New(emulator.Options{Dir: dir})
	if err != nil {
		t.Fatal(err)
	}
	store, err := state.Open(state.Options{Dir: dir, LockTimeout: -1})
	if err != nil {
		t.Fatal(err)
	}
	ls := &lockedSession{}
	h := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		ls.sent.Add(1)
		if r.Method == http.MethodPost {
			release, err := fsutil.Lock(r.Context(), store.Path()+".lock", -1, nil)
			if errors.Is(err, fsutil.ErrLocked) {
				ls.heldDuringPost.Add(1)
			} else if err == nil {
				release()
			}
		}
		emu.ServeHTTP(w, r)
	})
	c, err := client.New(client.Config{Handler: h})
	if err != nil {
		t.Fatal(err)
	}
	ls.Session = &Session{api: c, store: store}
	return ls
}

// holdLock holds dir's state lock, as another tokenscope in the middle of
// a write would, until the test ends.
func holdLock(t *testing.T, dir string) {
	t.Helper()
	other, err := state.Open(state.Options{Dir: dir})
	if err != nil {
		t.Fatal(err)
	}
	held, free, done := make(chan struct{}), make(chan struct{}), make(chan struct{})
	go func() {
		defer close(done)
		other.Update(context.Background(), "apply", func(*state.State) error {
			close(held)
			<-free
			return nil
		})
	}()
	<-held
	t.Cleanup(func() { close(free); <-done })
}

// A write whose answer could not be recorded because another
// tokenscope holds the lock must not be sent (the token would be orphaned
// at the API). The lock is taken before the request, so nothing is sent.
func TestSessionSendsNothingWhileTheLockIsHeld(t *testing.T) {
	dir := t.TempDir()
	s := newLockedSession(t, dir)
	rec, err := s.Create(t.Context(), testio.Preset(t, "visa"), "")
	if err != nil {
		t.Fatal(err)
	}
	sent := s.sent.Load()
	holdLock(t, dir)

	var lockErr *state.LockError
	if _, err := s.Create(t.Context(), testio.Preset(t, "visa"), ""); !errors.As(err, &lockErr) {
		t.Errorf("create with the lock held: %v, want a *state.LockError", err)
	}
	if _, _, err := s.Use(t.Context(), model.UseRequest{TokenID: rec.ID, Kind: model.UseCustomer}); !errors.As(err, &lockErr) {
		t.Errorf("use with the lock held: %v, want a *state.LockError", err)
	}
	if n := s.sent.Load() - sent; n != 0 {
		t.Errorf("%d requests sent while the state could not be locked, want 0", n)
	}
}

// The lock is held from before the request until its answer is written:
// every POST of a create and a use is answered while it is held.
func TestSessionHoldsTheLockAcrossTheRequest(t *testing.T) {
	s := newLockedSession(t, t.TempDir())
	rec, err := s.Create(t.Context(), testio.Preset(t, "insufficient_funds"), "")
	if err != nil {
		t.Fatal(err)
	}
	_, stored, err := s.Use(t.Context(), model.UseRequest{TokenID: rec.ID, Kind: model.UseCharge, Amount: 1000, Currency: "usd"})
	if e, ok := model.AsError(err); !ok || e.DeclineCode != "insufficient_funds" {
		t.Fatalf("use: %v", err)
	}
	if len(stored.Uses) != 1 || stored.Uses[0].Status != "failed" {
		t.Errorf("the decline was not recorded: %+v", stored.Uses)
	}
	if got, want := s.heldDuringPost.Load(), int64(2); got != want {
		t.Errorf("%d of 2 POSTs were answered under the state lock", got)
	}
}

// A state dir of the user's own that is not writable (0500)
// is found before the request, with a message naming --state-dir. Root
// writes anyway, so this runs as an ordinary user only (the probe itself
// is tested in model/state with a failing create).
func TestSessionSendsNothingToAnUnwritableDir(t *testing.T) {
	if os.Geteuid() == 0 {
		t.Skip("root can write a 0500 dir")
	}
	dir := t.TempDir()
	s := newLockedSession(t, dir)
	if _, err := s.Create(t.Context(), testio.Preset(t, "visa"), ""); err != nil {
		t.Fatal(err)
	}
	sent := s.sent.Load()
	os.Chmod(dir, 0o500)
	t.Cleanup(func() { os.Chmod(dir, 0o700) })
	_, err := s.Create(t.Context(), testio.Preset(t, "visa"), "")
	if err == nil || !strings.Contains(err.Error(), "cannot write to the state dir") || !strings.Contains(err.Error(), "--state-dir") || !strings.Contains(err.Error(), "nothing was sent") {
		t.Errorf("create in a 0500 dir: %v", err)
	}
	if n := s.sent.Load() - sent; n != 0 {
		t.Errorf("%d requests sent to a state that could not record them, want 0", n)
	}
}
