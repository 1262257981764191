package service

import (
	"context"
	"fmt"
	"net/http"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/tokenscope/tokenscope/client"
	"github.com/tokenscope/tokenscope/internal/testio"
	"github.com/tokenscope/tokenscope/model"
	"github.com/tokenscope/tokenscope/model/state"
)

// slowAPI answers Get after a pause and tracks how many calls overlap and
// when they started; the rest of API is not needed by Refresh.
type slowAPI struct {
	client.API
	kind  model.BackendKind
	pause time.Duration

	mu       sync.Mutex
	inFlight int
	peak     int
	starts   []time.Time
}

func (a *slowAPI) Backend() model.Backend {
	return model.Backend{Kind: a.kind, Workspace: "ws"}
}

func (a *slowAPI) Get(ctx context.Context, id string) (model.Record, error) {
	a.mu.Lock()
	a.inFlight++
	a.peak = max(a.peak, a.inFlight)
	a.starts = append(a.starts, time.Now())
	a.mu.Unlock()
	time.Sleep(a.pause)
	a.mu.Lock()
	a.inFlight--
	a.mu.Unlock()
	raw := fmt.Sprintf(`{"id":%q,"object":"token","type":"card","used":false,"livemode":false,"created":1}`, id)
	return model.NewRecord([]byte(raw), "req_"+id, time.Now())
}

func ids(n int) []string {
	out := make([]string, n)
	for i := range out {
		out[i] = fmt.Sprintf("tok_%03d", i)
	}
	return out
}

func slowSession(t *testing.T, api *slowAPI) *Session {
	store, err := state.Open(state.Options{Dir: t.TempDir()})
	if err != nil {
		t.Fatal(err)
	}
	return &Session{api: api, store: store}
}

func TestRefreshBoundsInFlight(t *testing.T) {
	api := &slowAPI{kind: model.BackendOffline, pause: 10 * time.Millisecond}
	report, err := slowSession(t, api).Refresh(t.Context(), ids(64), nil)
	if err != nil || report.Total != 64 {
		t.Fatalf("%+v %v", report, err)
	}
	if api.peak > RefreshInFlight || api.peak < 2 {
		t.Fatalf("peak in flight %d, want 2..%d", api.peak, RefreshInFlight)
	}
}

// Against Stripe's test mode the refresh holds StripeTestRate requests/s.
func TestRefreshPacedForStripeTestMode(t *testing.T) {
	const n = 11
	api := &slowAPI{kind: model.BackendStripeTest}
	if _, err := slowSession(t, api).Refresh(t.Context(), ids(n), nil); err != nil {
		t.Fatal(err)
	}
	span := api.starts[n-1].Sub(api.starts[0])
	want := time.Duration(n-1) * time.Second / StripeTestRate
	if span < want*9/10 {
		t.Fatalf("%d requests in %s: faster than %d/s", n, span, StripeTestRate)
	}
}

func TestRefreshCancelled(t *testing.T) {
	ctx, cancel := context.WithCancel(t.Context())
	cancel()
	api := &slowAPI{kind: model.BackendStripeTest}
	s := slowSession(t, api)
	if _, err := s.Refresh(ctx, ids(50), nil); err == nil {
		t.Fatal("cancelled refresh reported success")
	}
	if st, _ := s.store.Load(); st.Serial != 0 {
		t.Errorf("cancelled refresh wrote the state (serial %d)", st.Serial)
	}
}

// Refresh checks every id it is given before sending any request, so one
// card number among real ids sends nothing and is not echoed.
func TestRefreshChecksIDsFirst(t *testing.T) {
	dir := t.TempDir()
	s := newSession(t, dir)
	h := &testio.Counting{H: testio.Answer(http.StatusNotFound, testio.MissingToken)}
	c, _ := client.New(client.Config{Handler: h})
	s.api = c
	_, err := s.Refresh(t.Context(), []string{"tok_visa", "4242424242424242"}, nil)
	e, ok := model.AsError(err)
	if !ok || !e.Local || strings.Contains(err.Error(), "4242424242424242") {
		t.Fatalf("Refresh = %#v", err)
	}
	if n := h.N.Load(); n != 0 {
		t.Fatalf("%d requests sent, want 0", n)
	}
}
