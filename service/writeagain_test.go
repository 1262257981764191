package service

import (
	"context"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"sync"
	"testing"

	"github.com/tokenscope/tokenscope/client"
	"github.com/tokenscope/tokenscope/emulator"
	"github.com/tokenscope/tokenscope/internal/testio"
	"github.com/tokenscope/tokenscope/model"
	"github.com/tokenscope/tokenscope/model/state"
)

// cancelSession is a session on an emulator whose next POST, once
// cancelNext is set, is carried out by the emulator and then cancelled
// by the caller (esc) before its answer comes. made lists, per path, the
// ids the emulator's answers named, answered or not.
type cancelSession struct {
	*Session
	mu         sync.Mutex
	cancelNext context.CancelFunc
	made       map[string]map[string]bool
}

func newCancelSession(t *testing.T) *cancelSession {
	t.Helper()
	dir := t.TempDir()
	emu, err := emulator.New(emulator.Options{Dir: dir})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { emu.Close() })
	store, err := state.Open(state.Options{Dir: dir})
	if err != nil {
		t.Fatal(err)
	}
	cs := &cancelSession{made: map[string]map[string]bool{}}
	h := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		rec := httptest.NewRecorder()
		emu.ServeHTTP(rec, r)
		if r.Method == http.MethodPost {
			var body struct{ ID string }
			_ = json.Unmarshal(rec.Body.Bytes(), &body)
			cs.mu.Lock()
			if cs.made[r.URL.Path] == nil {
				cs.made[r.URL.Path] = map[string]bool{}
			}
			cs.made[r.URL.Path][body.ID] = true
			cancel := cs.cancelNext
			cs.cancelNext = nil
			cs.mu.Unlock()
			if cancel != nil {
				cancel()
				<-r.Context().Done()
				return
			}
		}
		for k, v := range rec.Header() {
			w.Header()[k] = v
		}
		w.WriteHeader(rec.Code)
		_, _ = w.Write(rec.Body.Bytes())
	})
	c, err := client.New(client.Config{Handler: h})
	if err != nil {
		t.Fatal(err)
	}
	cs.Session = &Session{api: c, store: store}
	return cs
}

// cancelled is a context whose next POST is cancelled once the emulator
// has carried it out.
func (cs *cancelSession) cancelled(t *testing.T) context.Context {
	ctx, cancel := context.WithCancel(t.Context())
	cs.mu.Lock()
	cs.cancelNext = cancel
	cs.mu.Unlock()
	return ctx
}

// A write cancelled in flight (esc) and then sent again is one write:
// the retry carries the cancelled request's Idempotency-Key, so the
// emulator answers with what the first made. testui#3: a customer's
// charge sent again charged the customer twice, a create sent again made
// two tokens.
func TestWriteSentAgainAfterCancelIsOneWrite(t *testing.T) {
	s := newCancelSession(t)
	tok, err := s.Create(t.Context(), testio.Preset(t, "visa"), "")
	if err != nil {
		t.Fatal(err)
	}
	use, _, err := s.Use(t.Context(), model.UseRequest{TokenID: tok.ID, Kind: model.UseCustomer})
	if err != nil {
		t.Fatal(err)
	}
	other, _ := s.Create(t.Context(), testio.Preset(t, "mastercard"), "")
	paid, _, err := s.Use(t.Context(), model.UseRequest{TokenID: other.ID, Kind: model.UseCharge, Amount: 1000, Currency: "usd"})
	if err != nil {
		t.Fatal(err)
	}

	writes := []struct {
		path string
		do   func(ctx context.Context) (string, error)
	}{
		{"/v1/tokens", func(ctx context.Context) (string, error) {
			r, err := s.Create(ctx, testio.Preset(t, "amex"), "")
			return r.ID, err
		}},
		{"/v1/charges", func(ctx context.Context) (string, error) {
			ch, err := s.ChargeCustomer(ctx, model.CustomerCharge{Customer: use.ObjectID, Amount: 1000, Currency: "usd"})
			return ch.ID, err
		}},
		{"/v1/refunds", func(ctx context.Context) (string, error) {
			re, err := s.Refund(ctx, model.RefundRequest{Of: paid.ObjectID, Amount: 300})
			return re.ID, err
		}},
	}
	for _, wr := range writes {
		s.mu.Lock()
		s.made[wr.path] = nil
		s.mu.Unlock()
		if _, err := wr.do(s.cancelled(t)); err == nil {
			t.Fatalf("%s: the cancelled write was answered", wr.path)
		}
		if n := len(workspace(t, s.Session).Pending); n != 1 {
			t.Errorf("%s: %d pending after the cancel, want 1 (shown as `! 1 pending`)", wr.path, n)
		}
		id, err := wr.do(t.Context())
		if err != nil {
			t.Fatalf("%s sent again: %v", wr.path, err)
		}
		s.mu.Lock()
		made := s.made[wr.path]
		s.mu.Unlock()
		if len(made) != 1 || !made[id] {
			t.Errorf("%s: sent, cancelled and sent again made %v, want only %s", wr.path, made, id)
		}
		if p := workspace(t, s.Session).Pending; len(p) != 0 {
			t.Errorf("%s: pending left after the answer: %+v", wr.path, p)
		}
	}
	if w := workspace(t, s.Session); len(w.Tokens) != 3 {
		t.Errorf("the state holds %d tokens, want 3", len(w.Tokens))
	}
}
