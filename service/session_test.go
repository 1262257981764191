package service

import (
	"bytes"
	"context"
	"net/http"
	"os"
	"testing"
	"time"

	"github.com/tokenscope/tokenscope/client"
	"github.com/tokenscope/tokenscope/emulator"
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

// A request that fails (no answer, a server fault, a local refusal, a
// live-mode answer) leaves state.json byte for byte as it was.
func TestSessionFailedRequestLeavesStateUnchanged(t *testing.T) {
	dir := t.TempDir()
	s := newSession(t, dir)
	ctx := t.Context()
	rec, err := s.Create(ctx, testio.Preset(t, "visa"), "")
	if err != nil {
		t.Fatal(err)
	}
	before, err := os.ReadFile(s.store.Path())
	if err != nil {
		t.Fatal(err)
	}
	broken := map[string]http.Handler{
		"server fault": testio.Answer(http.StatusInternalServerError, `{"error":{"type":"api_error","message":"boom"}}`),
		"livemode":     testio.Answer(http.StatusOK, `{"id":"tok_live","object":"token","type":"card","livemode":true}`),
		"not json":     testio.Answer(http.StatusBadGateway, `<html>bad gateway</html>`),
	}
	for name, h := range broken {
		c, _ := client.New(client.Config{Handler: h})
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
		after, _ := os.ReadFile(s.store.Path())
		if !bytes.Equal(before, after) {
			t.Fatalf("%s: state changed:\n%s\n->\n%s", name, before, after)
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
