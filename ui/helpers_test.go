package ui

import (
	"context"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/charmbracelet/bubbles/cursor"
	"github.com/charmbracelet/bubbles/spinner"
	tea "github.com/charmbracelet/bubbletea"

	"github.com/tokenscope/tokenscope/client"
	"github.com/tokenscope/tokenscope/model"
	"github.com/tokenscope/tokenscope/scenario"
	"github.com/tokenscope/tokenscope/service"
)

// keyMsg turns "j", "enter", "ctrl+c", "pgdown" into the key message a
// terminal would produce.
func keyMsg(k string) tea.KeyMsg {
	special := map[string]tea.KeyType{
		"enter": tea.KeyEnter, "esc": tea.KeyEsc, "up": tea.KeyUp, "down": tea.KeyDown,
		"pgup": tea.KeyPgUp, "pgdown": tea.KeyPgDown, "home": tea.KeyHome, "end": tea.KeyEnd,
		"ctrl+c": tea.KeyCtrlC, "backspace": tea.KeyBackspace, "tab": tea.KeyTab,
	}
	if t, ok := special[k]; ok {
		return tea.KeyMsg{Type: t}
	}
	return tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune(k)}
}

// planKeys open the scenario picker and plan pack, found by its place in
// scenario.Packs (the picker's order), so a new pack moves no test's pick.
func planKeys(pack string) []string {
	i := slices.Index(scenario.Packs(), pack)
	if i < 0 {
		panic("no " + pack)
	}
	return append(append([]string{"s"}, slices.Repeat([]string{"j"}, i)...), "enter")
}

// press sends keys one by one and runs what they start to completion.
func press(t testing.TB, a *App, keys ...string) {
	t.Helper()
	for _, k := range keys {
		_, cmd := a.Update(keyMsg(k))
		drain(t, a, cmd, 0)
	}
}

// drain runs a command as the program would, feeding its messages back
// into Update, but without spinner frames, which would tick forever
// (newApp makes the selection's settle delay 0).
func drain(t testing.TB, a *App, cmd tea.Cmd, depth int) {
	t.Helper()
	if cmd == nil || depth > 50 {
		return
	}
	msg := cmd()
	switch m := msg.(type) {
	case nil, spinner.TickMsg, cursor.BlinkMsg:
		return
	case tea.BatchMsg:
		for _, c := range m {
			drain(t, a, c, depth+1)
		}
		return
	}
	// tea.Sequence's message is unexported: a slice of commands, run in
	// order.
	if v := reflect.ValueOf(msg); v.Kind() == reflect.Slice && v.Type().Elem() == reflect.TypeOf(tea.Cmd(nil)) {
		for i := 0; i < v.Len(); i++ {
			drain(t, a, v.Index(i).Interface().(tea.Cmd), depth+1)
		}
		return
	}
	if _, ok := msg.(tea.QuitMsg); ok {
		return
	}
	_, next := a.Update(msg)
	drain(t, a, next, depth+1)
}

// quits reports whether pressing k asks the program to quit.
func quits(a *App, k string) bool {
	_, cmd := a.Update(keyMsg(k))
	if cmd == nil {
		return false
	}
	_, ok := cmd().(tea.QuitMsg)
	return ok
}

// fakeAPI answers Get from a map (a missing id is resource_missing), so
// that refresh and drift are deterministic.
type fakeAPI struct {
	client.API // what the tests do not call
	tokens     map[string]model.Record
	log        *client.RequestLog
}

func (f *fakeAPI) Create(context.Context, model.TokenRequest) (model.Record, error) {
	return model.Record{}, &model.Error{Type: "invalid_request_error", Code: "not_implemented"}
}

func (f *fakeAPI) Get(_ context.Context, id string) (model.Record, error) {
	r, ok := f.tokens[id]
	if !ok {
		return model.Record{}, &model.Error{Type: "invalid_request_error", Code: "resource_missing", Param: "id",
			Message: "No such token: '" + id + "'", RequestID: "req_missing000001", HTTPStatus: 404}
	}
	return r, nil
}

func (f *fakeAPI) Use(context.Context, model.UseRequest) (model.Use, error) {
	return model.Use{}, &model.Error{Type: "invalid_request_error", Code: "not_implemented"}
}

func (f *fakeAPI) Backend() model.Backend {
	return model.Backend{Kind: model.BackendOffline, Workspace: "offline"}
}

func (f *fakeAPI) Log() *client.RequestLog { return f.log }

// driftSession holds the fixtures in the state while the API knows the
// declined card as used, the fresh Visa as used too (a charge elsewhere),
// and no longer knows the bank token.
func driftSession(t testing.TB) *service.Session {
	recs := fixtures(t)
	api := &fakeAPI{tokens: map[string]model.Record{}, log: client.NewRequestLog(10)}
	used := recs[0]
	used.Used = true
	used.Raw = []byte(strings.Replace(string(used.Raw), `"used":false`, `"used":true`, 1))
	api.tokens[used.ID] = used
	api.tokens[recs[1].ID] = recs[1]
	return sessionIn(t, t.TempDir(), api, recs)
}
