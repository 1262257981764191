package flow

import (
	"context"
	"io"
	"net/http"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/x/exp/golden"
	"github.com/charmbracelet/x/exp/teatest"
	"github.com/muesli/termenv"

	"github.com/tokenscope/tokenscope/client"
	"github.com/tokenscope/tokenscope/emulator"
	"github.com/tokenscope/tokenscope/internal/testio"
	"github.com/tokenscope/tokenscope/model"
	"github.com/tokenscope/tokenscope/service"
	"github.com/tokenscope/tokenscope/ui/common"
)

// clock is the fixed time of every test (screens.md's).
var clock = time.Date(2026, 11, 26, 2, 41, 7, 0, time.UTC)

// gate wraps the real API so a test can hold a write in flight.
type gate struct {
	client.API
	open chan struct{}
}

func (g *gate) Create(ctx context.Context, req model.TokenRequest) (model.Record, error) {
	<-g.open
	return g.API.Create(ctx, req)
}

func (g *gate) Use(ctx context.Context, req model.UseRequest) (model.Use, error) {
	<-g.open
	return g.API.Use(ctx, req)
}

// setup changes the test backend: held keeps writes waiting at the gate;
// wrap puts a handler in front of the emulator.
type setup struct {
	held bool
	wrap func(http.Handler) http.Handler
	// now is the emulator's clock (nil: the fixed clock), for what
	// changes with time (a refund that fails 5 s later).
	now func() time.Time
}

// newContext is a program context over the real emulator, client and state,
// an Ascii renderer and the fixed clock.
func newContext(t *testing.T, w, h int, opt setup) (*common.ProgramContext, *gate) {
	t.Helper()
	now := opt.now
	if now == nil {
		now = func() time.Time { return clock }
	}
	emu, err := emulator.New(emulator.Options{Dir: testio.SettledDir(t), Now: now})
	if err != nil {
		t.Fatal(err)
	}
	var handler http.Handler = emu
	if opt.wrap != nil {
		handler = opt.wrap(emu)
	}
	api, err := client.New(client.Config{Handler: handler, MaxRetries: 0})
	if err != nil {
		t.Fatal(err)
	}
	g := &gate{API: api, open: make(chan struct{})}
	if !opt.held {
		close(g.open)
	}
	sess, err := service.New(service.Config{StateDir: testio.SettledDir(t), API: g}).Session()
	if err != nil {
		t.Fatal(err)
	}
	r := lipgloss.NewRenderer(io.Discard)
	r.SetColorProfile(termenv.Ascii)
	pc := common.NewContext(sess, r, io.Discard, func() time.Time { return clock })
	pc.Width, pc.Height = w, h
	// The program's context ends with the test, as it does when a
	// program quits: the live views' feeds with it.
	ctx, cancel := context.WithCancel(context.Background())
	t.Cleanup(cancel)
	pc.Ctx = ctx
	return pc, g
}

// host stands in for the shell: it sizes the flow, forwards every message,
// records the DoneMsg (closing the flow, as the shell does), and keeps a
// snapshot the test goroutine may read.
type host struct {
	mu       sync.Mutex
	c        common.Component
	done     *DoneMsg
	changed  *ChangedMsg
	view     string
	keys     string // the app's footer for the flow (keysLine)
	inFlight bool
}

func (h *host) Init() tea.Cmd { return h.c.Init() }

func (h *host) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	h.mu.Lock()
	defer h.mu.Unlock()
	var cmd tea.Cmd
	switch msg := msg.(type) {
	case tea.WindowSizeMsg:
		h.c.SetSize(msg.Width, msg.Height)
	case DoneMsg:
		h.done = &msg
		h.c.Close()
	case ChangedMsg:
		h.changed = &msg
	default:
		var m tea.Model
		m, cmd = h.c.Update(msg)
		h.c = m.(common.Component) // a flow may hand over to the next (i to an object pane)
	}
	h.view, h.keys = h.c.View(), keysLine(h.c.ShortHelp())
	h.inFlight = h.c.(interface{ InFlight() bool }).InFlight()
	return h, cmd
}

func (h *host) View() string { return h.c.View() }

// keysLine is the flow's keys as the app's footer lists them ("b: refund
// · r: refresh"): shows finds them on screen as a user would.
func keysLine(keys []key.Binding) string {
	var hs []string
	for _, b := range keys {
		hs = append(hs, b.Help().Key+": "+b.Help().Desc)
	}
	return strings.Join(hs, " · ")
}

type snapshot struct {
	view     string
	keys     string
	inFlight bool
	done     *DoneMsg
	changed  *ChangedMsg
}

func (h *host) snap() snapshot {
	h.mu.Lock()
	defer h.mu.Unlock()
	return snapshot{h.view, h.keys, h.inFlight, h.done, h.changed}
}

// run is one flow under teatest.
type run struct {
	t  *testing.T
	tm *teatest.TestModel
	h  *host
}

func start(t *testing.T, c common.Component, w, h int) *run {
	t.Helper()
	hs := &host{c: c}
	tm := teatest.NewTestModel(t, hs, teatest.WithInitialTermSize(w, h))
	r := &run{t: t, tm: tm, h: hs}
	t.Cleanup(func() {
		// Stop the program before t.TempDir's cleanup removes the state.
		_ = tm.Quit()
		tm.WaitFinished(t, teatest.WithFinalTimeout(5*time.Second))
	})
	r.until("the first frame", func(s snapshot) bool { return s.view != "" })
	return r
}

// keys sends key presses by name: "tab", "enter", "esc", "down", or text.
func (r *run) keys(ks ...string) {
	for _, k := range ks {
		r.tm.Send(keyMsg(k))
	}
}

func keyMsg(k string) tea.KeyMsg {
	names := map[string]tea.KeyType{
		"tab": tea.KeyTab, "shift+tab": tea.KeyShiftTab, "enter": tea.KeyEnter, "esc": tea.KeyEsc,
		"ctrl+c": tea.KeyCtrlC, "up": tea.KeyUp, "down": tea.KeyDown, "backspace": tea.KeyBackspace,
		"ctrl+u": tea.KeyCtrlU, "home": tea.KeyHome, "end": tea.KeyEnd, "pgdown": tea.KeyPgDown, "right": tea.KeyRight,
	}
	if t, ok := names[k]; ok {
		return tea.KeyMsg{Type: t}
	}
	return tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune(k)}
}

// until waits for cond on the flow's snapshot, failing after a while.
func (r *run) until(what string, cond func(snapshot) bool) snapshot {
	r.t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for {
		s := r.h.snap()
		if cond(s) {
			return s
		}
		if time.Now().After(deadline) {
			r.t.Fatalf("waiting for %s; the view is:\n%s", what, s.view)
		}
		time.Sleep(5 * time.Millisecond)
	}
}

// shows waits until the view contains every one of the texts.
func (r *run) shows(texts ...string) snapshot {
	r.t.Helper()
	return r.until(strings.Join(texts, ", "), func(s snapshot) bool {
		for _, x := range texts {
			if !strings.Contains(s.view, x) && !strings.Contains(s.keys, x) {
				return false
			}
		}
		return true
	})
}

// final stops the program and returns the flow's last view.
func (r *run) final() string {
	r.t.Helper()
	if err := r.tm.Quit(); err != nil {
		r.t.Fatal(err)
	}
	return r.tm.FinalModel(r.t, teatest.WithFinalTimeout(5*time.Second)).(*host).c.View()
}

// randomIDs are the parts of a view that differ between runs.
// Stripe's ids mix digits or capitals in; codes such as card_declined do not.
var randomIDs = regexp.MustCompile(`\b(tok|btok|pii|ch|cus|req|card|ba|pi|pm|py|re|du|seti)_[0-9a-z]*[0-9A-Z][0-9A-Za-z]*`)

// requireGolden compares a view, ids made stable, with testdata/<test>.golden.
func requireGolden(t *testing.T, view string) {
	t.Helper()
	golden.RequireEqual(t, []byte(randomIDs.ReplaceAllString(view, "${1}_RANDOM")+"\n"))
}

// refuseRawCards answers a card create as Stripe's test mode does for an
// account without raw card data APIs: HTTP 402.
func refuseRawCards(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Method == http.MethodPost && r.URL.Path == "/v1/tokens" {
			_ = r.ParseForm()
			if r.PostForm.Get("card[number]") != "" {
				w.Header().Set("Request-Id", "req_RawCardRefused1")
				w.Header().Set("Content-Type", "application/json")
				w.WriteHeader(http.StatusPaymentRequired)
				_, _ = io.WriteString(w, `{"error":{"type":"invalid_request_error","message":"Sending credit card numbers directly to the Stripe API is generally unsafe. We suggest you use test tokens that map to the test card you are using, see https://stripe.com/docs/testing."}}`)
				return
			}
		}
		next.ServeHTTP(w, r)
	})
}

// created makes a token from a preset through the session, as if made
// earlier in the TUI.
func created(t *testing.T, pc *common.ProgramContext, preset string) model.Record {
	t.Helper()
	req, err := model.FromPresetAt(preset, clock)
	if err != nil {
		t.Fatal(err)
	}
	rec, err := pc.Session.Create(context.Background(), req, "")
	if err != nil {
		t.Fatal(err)
	}
	rec.Preset = preset
	return rec
}
