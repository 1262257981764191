package ui

import (
	"context"
	"fmt"
	"net/http"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
	"github.com/muesli/termenv"

	"github.com/tokenscope/tokenscope/client"
	"github.com/tokenscope/tokenscope/emulator"
	"github.com/tokenscope/tokenscope/model"
	"github.com/tokenscope/tokenscope/model/state"
	"github.com/tokenscope/tokenscope/service"
)

// clock is the fixed "now" of golden tests: two minutes after the newest
// fixture was created.
var clock = time.Date(2025, 11, 26, 2, 43, 7, 0, time.UTC)

func fixedNow() time.Time { return clock }

// Realistic Token objects as Stripe's test mode returns them.
const (
	cardJSON     = `{"id":"tok_1QxYz8Lk2mN3pQ4rS5tU6vW7","object":"token","card":{"id":"card_1QxYz8Lk2mN3pQ4rS5tU6v","object":"card","address_city":null,"address_country":null,"address_line1":null,"address_line1_check":null,"address_line2":null,"address_state":null,"address_zip":"42424","address_zip_check":"unchecked","brand":"Visa","country":"US","cvc_check":"unchecked","dynamic_last4":null,"exp_month":12,"exp_year":2034,"fingerprint":"Xt5EWLLDS7FJjR1c","funding":"credit","last4":"4242","metadata":{},"name":"Jenny Rosen","networks":{"preferred":null},"tokenization_method":null,"wallet":null},"client_ip":"127.0.0.1","created":1764124867,"livemode":false,"type":"card","used":false}`
	declinedJSON = `{"id":"tok_1QxYa1BcDeFgHiJkLmNoPqRs","object":"token","card":{"id":"card_1QxYa1BcDeFgHiJkLmNoPq","object":"card","address_zip_check":null,"brand":"Visa","country":"US","cvc_check":"pass","exp_month":12,"exp_year":2030,"fingerprint":"aB3dEf6GhI9jKlMn","funding":"credit","last4":"9995","metadata":{},"name":null},"client_ip":"127.0.0.1","created":1764124567,"livemode":false,"type":"card","used":true}`
	bankJSON     = `{"id":"btok_1QxYc3DeFgHiJkLmNoPqRsTu","object":"token","bank_account":{"id":"ba_1QxYc3DeFgHiJkLmNoPqRsTu","object":"bank_account","account_holder_name":"Jenny Rosen","account_holder_type":"individual","account_type":null,"bank_name":"STRIPE TEST BANK","country":"US","currency":"usd","fingerprint":"1JWtPxqbdX5Gamtz","last4":"6789","routing_number":"110000000","status":"new"},"client_ip":"127.0.0.1","created":1764124327,"livemode":false,"type":"bank_account","used":false}`
)

func record(t testing.TB, raw string, fetchedAgo time.Duration) model.Record {
	t.Helper()
	r, err := model.NewRecord([]byte(raw), "req_8kQ2xR4vT1mZ", clock.Add(-fetchedAgo))
	if err != nil {
		t.Fatal(err)
	}
	return r
}

// fixtures are a fresh Visa, a declined (used) card and a bank account,
// newest first as the state keeps them.
func fixtures(t testing.TB) []model.Record {
	card := record(t, cardJSON, 12*time.Second)
	card.Preset = "visa"
	declined := record(t, declinedJSON, 30*time.Second)
	declined.Preset = "insufficient_funds"
	declined.Uses = []model.Use{{Kind: model.UseCharge, ObjectID: "ch_3QxYg7HiJkLmNoPqRsTu", Status: "failed",
		Code: "card_declined", DeclineCode: "insufficient_funds", Amount: 1000, Currency: "usd", At: clock.Add(-time.Minute)}}
	bank := record(t, bankJSON, time.Minute)
	return []model.Record{card, declined, bank}
}

// newSession is the real offline stack: emulator, client and state in a
// temporary dir, with records written into the offline workspace.
func newSession(t testing.TB, records []model.Record) *service.Session {
	t.Helper()
	return newSessionWith(t, records, nil)
}

// newSessionWith is newSession with wrap (if not nil) in front of the
// emulator.
func newSessionWith(t testing.TB, records []model.Record, wrap func(http.Handler) http.Handler) *service.Session {
	t.Helper()
	return sessionIn(t, t.TempDir(), offlineAPI(t, wrap), records)
}

// offlineAPI is the real client on an in-memory emulator at the fixed
// clock, with wrap (if not nil) in front of the emulator.
func offlineAPI(t testing.TB, wrap func(http.Handler) http.Handler) client.API {
	t.Helper()
	emu, err := emulator.New(emulator.Options{Now: fixedNow})
	if err != nil {
		t.Fatal(err)
	}
	var handler http.Handler = emu
	if wrap != nil {
		handler = wrap(emu)
	}
	api, err := client.New(client.Config{Handler: handler})
	if err != nil {
		t.Fatal(err)
	}
	return api
}

// sessionIn is a session on api with its state in dir, records written
// into the API's workspace first.
func sessionIn(t testing.TB, dir string, api client.API, records []model.Record) *service.Session {
	t.Helper()
	if len(records) > 0 {
		store, err := state.Open(state.Options{Dir: dir, MaxTokens: -1})
		if err != nil {
			t.Fatal(err)
		}
		_, err = store.Update(context.Background(), "test", func(st *state.State) error {
			w := st.Workspace(api.Backend().Workspace)
			w.Tokens = append([]model.Record(nil), records...)
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
	}
	s, err := service.New(service.Config{StateDir: dir, MaxTokens: -1, API: api}).Session()
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// asciiRenderer renders without colour, as golden files want.
func asciiRenderer() *lipgloss.Renderer {
	r := lipgloss.NewRenderer(nil)
	r.SetColorProfile(termenv.Ascii)
	return r
}

func newApp(t testing.TB, s *service.Session, w, h int) *App {
	t.Helper()
	a := New(Options{Session: s, Renderer: asciiRenderer(), Now: fixedNow, Width: w, Height: h}).(*App)
	a.settleDelay = 0
	a.after = func(time.Duration, tea.Msg) tea.Cmd { return nil } // a test sends the ticks it wants
	a.pc.StillObjects = true                                      // drain would wait on a pane's feed
	return a
}

// manyRecords makes n card tokens, for the budgets.
func manyRecords(t testing.TB, n int) []model.Record {
	base := record(t, cardJSON, 0)
	out := make([]model.Record, n)
	for i := range out {
		r := base
		r.ID = fmt.Sprintf("tok_1Qx%021d", i)
		r.Created -= int64(i * 60)
		r.Used = i%3 == 0
		out[i] = r
	}
	return out
}
