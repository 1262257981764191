package ui

import (
	"context"
	"net/http"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	"github.com/tokenscope/tokenscope/internal/testio"
	"github.com/tokenscope/tokenscope/model"
	"github.com/tokenscope/tokenscope/model/state"
	"github.com/tokenscope/tokenscope/ui/flow"
)

func selectedID(a *App) string { return a.list.selectedID() }

func TestMoveKeys(t *testing.T) {
	recs := manyRecords(t, 100)
	a := newApp(t, newSession(t, recs), 80, 24)
	steps := []struct {
		keys []string
		want int
	}{
		{[]string{"j"}, 1}, {[]string{"down"}, 2}, {[]string{"k"}, 1}, {[]string{"up"}, 0},
		{[]string{"up"}, 0}, // stays at the top
		{[]string{"G"}, 99}, {[]string{"j"}, 99}, {[]string{"g"}, 0}, {[]string{"end"}, 99}, {[]string{"home"}, 0},
		{[]string{"pgdown"}, 19}, {[]string{"pgdown"}, 38}, {[]string{"pgup"}, 19}, // 20 rows under the titles
	}
	for _, s := range steps {
		press(t, a, s.keys...)
		if got := a.list.cursor; got != s.want {
			t.Fatalf("after %v: cursor %d, want %d", s.keys, got, s.want)
		}
		if selectedID(a) != recs[s.want].ID {
			t.Fatalf("after %v: selected %s, want %s", s.keys, selectedID(a), recs[s.want].ID)
		}
		if !strings.Contains(a.View(), "› "+recs[s.want].ID) {
			t.Fatalf("after %v: the selected row is not drawn with ›:\n%s", s.keys, a.View())
		}
	}
}

func TestEnterOpensDetailAndEscReturns(t *testing.T) {
	a := newApp(t, newSession(t, fixtures(t)), 80, 24)
	press(t, a, "j", "enter")
	v := a.View()
	v = regexp.MustCompile(` +\n`).ReplaceAllString(v, "\n") // the pager pads lines
	if a.mode != modePager || !strings.Contains(v, "USED        ● yes, used by ch_3QxYg7HiJkLmNoPqRsTu (declined:\n") {
		t.Fatalf("enter did not open the used token's detail (the charge id whole):\n%s", v)
	}
	// At 80 columns long values wrap at spaces under the value column,
	// none is cut.
	for _, want := range []string{"number      •••• •••• •••• 9995", "cvc_check   pass",
		"\n               insufficient_funds)\n",
		"test card   insufficient_funds: declines when charged: card_declined /\n               insufficient_funds\n"} {
		if !strings.Contains(v, want) {
			t.Errorf("detail lacks %q:\n%s", want, v)
		}
	}
	press(t, a, "esc")
	if a.mode != modeList || strings.Contains(a.View(), "USED        ") {
		t.Fatalf("esc did not return to the list:\n%s", a.View())
	}
}

func TestJSONAndLogAndHelp(t *testing.T) {
	a := newApp(t, newSession(t, fixtures(t)), 80, 24)
	press(t, a, "J")
	if v := a.View(); !strings.Contains(v, `"id": "tok_1QxYz8Lk2mN3pQ4rS5tU6vW7",`) || !strings.Contains(v, `  "card": {`) {
		t.Fatalf("J does not show the indented raw JSON:\n%s", v)
	}
	press(t, a, "esc", "L")
	if v := a.View(); !strings.Contains(v, "Request log") || !strings.Contains(v, "no requests yet") {
		t.Fatalf("L does not show the request log:\n%s", v)
	}
	press(t, a, "esc", "?")
	if v := a.View(); !strings.Contains(v, "R  refresh all") || !strings.Contains(v, "y  copy id") {
		t.Fatalf("? does not list every key:\n%s", v)
	}
	press(t, a, "esc")
	if a.mode != modeList {
		t.Fatal("esc did not close help")
	}
}

func TestFilter(t *testing.T) {
	a := newApp(t, newSession(t, fixtures(t)), 80, 24)
	cases := []struct {
		query string
		want  []string
	}{
		{"bank", []string{"btok_1QxYc3DeFgHiJkLmNoPqRsTu"}},
		{"9995", []string{"tok_1QxYa1BcDeFgHiJkLmNoPqRs"}},
		{"used", []string{"tok_1QxYa1BcDeFgHiJkLmNoPqRs"}},
		{"unused", []string{"tok_1QxYz8Lk2mN3pQ4rS5tU6vW7", "btok_1QxYc3DeFgHiJkLmNoPqRsTu"}},
		{"visa unused", []string{"tok_1QxYz8Lk2mN3pQ4rS5tU6vW7"}},
		{"CARD", []string{"tok_1QxYz8Lk2mN3pQ4rS5tU6vW7", "tok_1QxYa1BcDeFgHiJkLmNoPqRs"}},
		{"insufficient", []string{"tok_1QxYa1BcDeFgHiJkLmNoPqRs"}},
		{"nothing", nil},
	}
	for _, c := range cases {
		press(t, a, "/")
		if !a.filtering {
			t.Fatal("/ did not start the filter")
		}
		for _, r := range c.query {
			press(t, a, string(r))
		}
		press(t, a, "enter")
		var got []string
		for pos := 0; pos < a.list.len(); pos++ {
			got = append(got, a.list.at(pos).ID)
		}
		if strings.Join(got, " ") != strings.Join(c.want, " ") {
			t.Errorf("filter %q: %v, want %v", c.query, got, c.want)
		}
		if a.filtering {
			t.Fatal("enter did not leave the filter input")
		}
		press(t, a, "esc")
		if a.list.len() != 3 {
			t.Fatalf("esc did not clear filter %q", c.query)
		}
	}
	press(t, a, "/", "v", "esc")
	if a.filtering || a.list.query != "" || a.list.len() != 3 {
		t.Fatal("esc while typing did not clear the filter")
	}
}

func TestFlowsOpenAndClose(t *testing.T) {
	a := newApp(t, newSession(t, fixtures(t)), 80, 24)
	for _, k := range []string{"n", "i", "u", "s"} {
		a.Update(keyMsg(k)) // not drained: a form's cursor blinks forever
		if a.flow == nil {
			t.Fatalf("%s did not open a flow", k)
		}
		if quits(a, "q") {
			t.Fatalf("q inside the %s flow quit: it must reach the form", k)
		}
		rec := fixtures(t)[2]
		rec.Used = true
		_, cmd := a.Update(flow.DoneMsg{Record: &rec, Status: "done " + k})
		drain(t, a, cmd, 0) // reads the state again: the record is not in it
		if a.flow != nil || a.status.text != "done "+k {
			t.Fatalf("DoneMsg did not close the %s flow", k)
		}
		if selectedID(a) != rec.ID || a.list.used != 1 {
			t.Fatalf("DoneMsg did not select %s, or did not read the state again", rec.ID)
		}
		press(t, a, "g")
	}
	fresh := fixtures(t)[0]
	fresh.ID = "tok_new"
	a.Update(flow.DoneMsg{Record: &fresh})
	if len(a.list.tokens) != 4 || a.list.tokens[0].ID != "tok_new" || selectedID(a) != "tok_new" {
		t.Fatal("a new record is not prepended and selected")
	}
}

func TestUseWithoutTokens(t *testing.T) {
	a := newApp(t, newSession(t, nil), 80, 24)
	press(t, a, "u")
	if a.flow != nil || !strings.Contains(a.View(), "no token selected") {
		t.Fatalf("u with no token should say so:\n%s", a.View())
	}
}

// inFlight is a flow holding a write.
type inFlight struct{ flowStub }

func (inFlight) InFlight() bool { return true }

type flowStub struct{}

func (flowStub) Init() tea.Cmd                         { return nil }
func (f flowStub) Update(tea.Msg) (tea.Model, tea.Cmd) { return f, nil }
func (flowStub) View() string                          { return "stub flow" }
func (flowStub) SetSize(int, int)                      {}
func (flowStub) ShortHelp() []key.Binding              { return nil }
func (flowStub) FullHelp() [][]key.Binding             { return nil }
func (flowStub) Close()                                {}

func TestQuit(t *testing.T) {
	a := newApp(t, newSession(t, fixtures(t)), 80, 24)
	if !quits(a, "q") {
		t.Fatal("q does not quit")
	}
	if !quits(newApp(t, newSession(t, nil), 80, 24), "ctrl+c") {
		t.Fatal("ctrl+c does not quit")
	}
	a = newApp(t, newSession(t, fixtures(t)), 80, 24)
	a.openFlow(inFlight{})
	if quits(a, "ctrl+c") {
		t.Fatal("ctrl+c quit with a write in flight without asking")
	}
	if !strings.Contains(a.View(), "a request is in flight: quit anyway? y/n") {
		t.Fatalf("no question:\n%s", a.View())
	}
	if quits(a, "n") || a.confirmQuit {
		t.Fatal("n did not cancel the question")
	}
	a.Update(keyMsg("ctrl+c"))
	if !quits(a, "y") {
		t.Fatal("y did not quit")
	}
}

func TestRefreshSelectedShowsDrift(t *testing.T) {
	a := newApp(t, driftSession(t), 80, 24)
	press(t, a, "r")
	if !strings.Contains(a.status.text, "used: false -> true") {
		t.Fatalf("r: status %q lacks the drift", a.status.text)
	}
	if !a.list.selected().Used || a.list.used != 2 {
		t.Fatal("r did not reload the refreshed token")
	}
	press(t, a, "G", "r")
	if !a.list.selected().Gone {
		t.Fatal("the bank token the API no longer knows is not marked gone")
	}
	if v := a.View(); !strings.Contains(v, "- gone") {
		t.Fatalf("a gone token's row does not say so:\n%s", v)
	}
	press(t, a, "enter")
	if v := a.View(); !strings.Contains(v, "- no longer exists") {
		t.Fatalf("a gone token's detail does not say so:\n%s", v)
	}
}

func TestRefreshErrorOpensErrorPane(t *testing.T) {
	s := sessionIn(t, t.TempDir(), failing{&fakeAPI{}}, fixtures(t))
	a := newApp(t, s, 80, 24)
	press(t, a, "r")
	v := a.View()
	if a.mode != modePager || !strings.Contains(v, "api_error") || !strings.Contains(v, "req_boom") {
		t.Fatalf("a failed refresh does not show the error pane:\n%s", v)
	}
}

// failing answers every Get with a server error.
type failing struct{ *fakeAPI }

func (failing) Get(_ context.Context, id string) (model.Record, error) {
	return model.Record{}, &model.Error{Type: "api_error", Message: "boom", RequestID: "req_boom", HTTPStatus: 500}
}

func TestRefreshAllReport(t *testing.T) {
	a := newApp(t, driftSession(t), 80, 24)
	press(t, a, "R")
	v := a.View()
	for _, want := range []string{"Refreshed 3 tokens", "~ tok_1QxYz8Lk", "used: false -> true", "- btok_1QxYc3D", "no longer exists (resource_missing)", "Refresh: 1 changed, 1 gone, 1 unchanged."} {
		if !strings.Contains(v, want) {
			t.Errorf("drift report lacks %q:\n%s", want, v)
		}
	}
	press(t, a, "esc")
	if a.list.used != 2 || !a.list.tokens[2].Gone {
		t.Fatal("R did not reload the list")
	}
}

func TestCopyWritesOSC52(t *testing.T) {
	var out strings.Builder
	a := New(Options{Session: newSession(t, fixtures(t)), Renderer: asciiRenderer(), Now: fixedNow, Output: &out, Width: 120, Height: 40}).(*App)
	a.after = func(time.Duration, tea.Msg) tea.Cmd { return nil }
	press(t, a, "y", "enter") // the token's id, the first the picker offers
	if !strings.Contains(out.String(), "\x1b]52;c;dG9rXzFReFl6OExrMm1OM3BRNHJTNXRVNnZXNw==\a") {
		t.Fatalf("no OSC 52 sequence for the id: %q", out.String())
	}
	if !strings.HasPrefix(a.status.text, "copied tok_1QxYz8Lk2mN3pQ4rS5tU6vW7 (OSC 52") {
		t.Fatalf("status %q", a.status.text)
	}
	a.Update(tea.WindowSizeMsg{Width: 80, Height: 24})
	press(t, a, "y", "enter")
	if a.status.text != "copied tok_1QxYz8Lk2mN3pQ4rS5tU6vW7 (OSC 52; nothing to paste? select it in the detail)" {
		t.Fatalf("status at 80 columns %q", a.status.text)
	}
	if v := a.View(); !strings.Contains(v, "copied tok_1QxYz8Lk2mN3pQ4rS5tU6vW7 ") {
		t.Fatalf("the id is cut in the status line at 80 columns:\n%s", v)
	}
}

func TestWelcomeOnEmptyWorkspace(t *testing.T) {
	v := newApp(t, newSession(t, nil), 80, 24).View()
	for _, want := range []string{"single-use stand-in for card or bank details", "n   to make a token", "tok_visa", "never", "talks to Stripe", "0 tokens"} {
		if !strings.Contains(v, want) {
			t.Errorf("welcome lacks %q:\n%s", want, v)
		}
	}
}

func TestStaleTokenRefreshesWhenOpened(t *testing.T) {
	a := newApp(t, driftSession(t), 80, 24)
	a.list.tokens[0].FetchedAt = clock.Add(-10 * time.Minute)
	press(t, a, "enter")
	if !a.list.selected().Used {
		t.Fatal("opening a token fetched 10 minutes ago did not refresh it")
	}
	b := newApp(t, driftSession(t), 80, 24)
	press(t, b, "enter")
	if b.list.selected().Used {
		t.Fatal("a token fetched 12 s ago was refreshed on open")
	}
	// Wide: resting on a stale row opens it.
	c := newApp(t, driftSession(t), 120, 40)
	c.list.tokens[0].FetchedAt = clock.Add(-10 * time.Minute)
	press(t, c, "j", "k")
	if !c.list.selected().Used || !strings.Contains(c.View(), "● yes") {
		t.Fatalf("resting on a stale token in the wide layout did not refresh it:\n%s", c.View())
	}
}

func TestDoneUpdatesOpenDetail(t *testing.T) {
	a := newApp(t, newSession(t, fixtures(t)), 80, 24)
	press(t, a, "enter")
	a.Update(keyMsg("u"))
	rec := fixtures(t)[0]
	rec.Used = true
	rec.FetchedAt = clock
	rec.Uses = []model.Use{{Kind: model.UseCharge, ObjectID: "ch_ok", Status: "succeeded"}}
	a.Update(flow.DoneMsg{Record: &rec, Status: "charge succeeded"})
	if v := a.View(); a.mode != modePager || !strings.Contains(v, "● yes, used by ch_ok (charge succeeded)") {
		t.Fatalf("the detail open under the use flow still shows the old token:\n%s", v)
	}
}

// Keys that arrive in one read come as one KeyRunes message; the shell
// handles them one by one: "/visa" opens the filter and types visa.
func TestKeyBurstIsSplit(t *testing.T) {
	a := newApp(t, newSession(t, fixtures(t)), 80, 24)
	_, cmd := a.Update(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune("/visa")})
	drain(t, a, cmd, 0)
	if !a.filtering || a.list.query != "visa" {
		t.Fatalf("after the burst /visa: filtering %v, query %q", a.filtering, a.list.query)
	}
	press(t, a, "enter", "esc") // keep, then clear the filter
	_, cmd = a.Update(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune("jj")})
	drain(t, a, cmd, 0)
	if a.list.cursor != 2 {
		t.Fatalf("after the burst jj: cursor %d, want 2", a.list.cursor)
	}
}

// A status line speaks of what was shown: opening J, ? or L takes it down.
func TestPagerClearsStatus(t *testing.T) {
	a := newApp(t, newSession(t, fixtures(t)), 80, 24)
	for _, k := range []string{"J", "?", "L"} {
		a.setStatus("cancelled")
		press(t, a, k)
		if strings.Contains(a.View(), "cancelled") {
			t.Fatalf("%s: the status 'cancelled' stays:\n%s", k, a.View())
		}
		press(t, a, "esc")
	}
}

// toggleFlight is a flow whose write is in flight while *on.
type toggleFlight struct {
	flowStub
	on *bool
}

func (f toggleFlight) InFlight() bool                      { return *f.on }
func (f toggleFlight) Update(tea.Msg) (tea.Model, tea.Cmd) { return f, nil }

// The quit question goes once the write it spoke of has ended.
func TestQuitQuestionGoesWhenTheWriteEnds(t *testing.T) {
	a := newApp(t, newSession(t, fixtures(t)), 80, 24)
	on := true
	a.openFlow(toggleFlight{on: &on})
	press(t, a, "ctrl+c")
	if !a.confirmQuit {
		t.Fatal("no question with a write in flight")
	}
	on = false // the write failed; its reply reaches the flow
	a.Update(struct{}{})
	if a.confirmQuit || strings.Contains(a.View(), "quit anyway") {
		t.Fatalf("the question stays after the write ended:\n%s", a.View())
	}
}

// The header counts the token as used as soon as a flow says it wrote it
// (the use outcome, still on screen), not only once the flow is closed.
func TestChangedRecordUpdatesCountsUnderAnOpenFlow(t *testing.T) {
	dir := t.TempDir()
	s := sessionIn(t, dir, offlineAPI(t, nil), fixtures(t))
	a := newApp(t, s, 80, 24)
	// Init is not run: it watches the state, and drain would wait for a change.
	a.openFlow(flowStub{})
	rec := fixtures(t)[0]
	rec.Used = true
	store, err := state.Open(state.Options{Dir: dir, MaxTokens: -1})
	if err != nil {
		t.Fatal(err)
	}
	_, err = store.Update(context.Background(), "use", func(st *state.State) error { // as Session.Use does
		st.Workspace(s.WorkspaceName()).Upsert(rec)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	_, cmd := a.Update(flow.ChangedMsg{Record: rec})
	drain(t, a, cmd, 0)
	if v := a.View(); a.flow == nil || !strings.Contains(v, "3 tokens · 2 used") {
		t.Fatalf("the header does not count the token the open flow used:\n%s", v)
	}
}

// tokenGets matches GET /v1/tokens/{id}.
func tokenGets(r *http.Request) bool {
	return r.Method == http.MethodGet && strings.HasPrefix(r.URL.Path, "/v1/tokens/")
}

// retrieving opens get-by-id on a server that never answers, asks for
// tok_visa, and returns the request's messages once it is held there.
func retrieving(t *testing.T, a *App, h *testio.Hung) <-chan tea.Msg {
	t.Helper()
	a.Update(keyMsg("i")) // not drained: the input's cursor blinks forever
	a.Update(keyMsg("tok_visa"))
	_, cmd := a.Update(keyMsg("enter"))
	if what, sent := h.Sent(); sent {
		t.Fatalf("Update sent %s itself", what)
	}
	msgs := testio.Run(cmd)
	testio.Recv(t, h.Held, "the retrieve to reach the server")
	return msgs
}

// When the shell closes a flow, the request the flow has in flight is
// cancelled.
func TestClosingAFlowCancelsItsRequest(t *testing.T) {
	h := testio.HangOn(tokenGets)
	a := newApp(t, newSessionWith(t, fixtures(t), h.Wrap), 80, 24)
	retrieving(t, a, h)
	a.Update(flow.DoneMsg{Cancelled: true})
	testio.Recv(t, h.Freed, "the retrieve to be cancelled")
}

// Quitting with a write in flight (after the question) cancels it, and a
// refresh with it.
func TestQuitCancelsRequestsInFlight(t *testing.T) {
	h := testio.HangOn(tokenGets)
	a := newApp(t, newSessionWith(t, fixtures(t), h.Wrap), 80, 24)
	refresh := testio.Run(a.refreshOne(fixtures(t)[0].ID, true))
	testio.Recv(t, h.Held, "the refresh to reach the server")
	retrieving(t, a, h)
	a.Update(keyMsg("ctrl+c"))
	if !quits(a, "y") {
		t.Fatal("y did not quit")
	}
	testio.Recv(t, h.Freed, "a request to be cancelled")
	testio.Recv(t, h.Freed, "the other request to be cancelled")
	for {
		if msg, ok := testio.Recv(t, refresh, "the refresh's reply").(refreshedMsg); ok {
			if msg.err == nil && msg.report.Errors[msg.id] == nil {
				t.Errorf("the cancelled refresh reports no error: %+v", msg)
			}
			return
		}
	}
}

// Refresh all's stream ends with the program: the command waiting for its
// next message returns, and so does the goroutine sending them, although
// nobody reads what it sent.
func TestRefreshAllEndsWithTheProgram(t *testing.T) {
	h := testio.HangOn(tokenGets)
	a := newApp(t, newSessionWith(t, fixtures(t), h.Wrap), 80, 24)
	msgs := testio.Run(a.refreshAll())
	testio.Recv(t, h.Held, "the refresh to reach the server")
	quits(a, "q")
	testio.Recv(t, h.Freed, "the refresh to be cancelled")
	for end := false; !end; {
		switch msg := testio.Recv(t, msgs, "refresh all's stream to end").(type) {
		case nil, refreshedMsg:
			end = true
		case progressMsg:
			msgs = testio.Run(msg.next)
		}
	}

	ctx, quit := context.WithCancel(context.Background())
	ch := make(chan tea.Msg, 64) // full of progress by the end: nobody reads it
	ended := make(chan struct{})
	go func() {
		streamRefresh(ctx, ch, func(progress func(done, total int)) (model.RefreshReport, error) {
			for i := range 100 {
				progress(i+1, 100)
			}
			return model.RefreshReport{}, ctx.Err()
		})
		close(ended)
	}()
	quit()
	testio.Recv(t, ended, "the refresh's goroutine to end")
}
