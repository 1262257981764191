package ui

import (
	"context"
	"strings"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/tokenscope/tokenscope/client"
	"github.com/tokenscope/tokenscope/internal/testio"
	"github.com/tokenscope/tokenscope/model"
	"github.com/tokenscope/tokenscope/model/state"
)

// runCmds runs cmd as bubbletea does, the commands of a BatchMsg included,
// each on its own goroutine, and sends out every message they return.
func runCmds(cmd tea.Cmd, out chan<- tea.Msg) {
	if cmd == nil {
		return
	}
	go func() {
		switch msg := cmd().(type) {
		case nil:
		case tea.BatchMsg:
			for _, c := range msg {
				runCmds(c, out)
			}
		default:
			out <- msg
		}
	}()
}

// nextStatus is the next status line (a StatusMsg, a recovery's) among
// the messages.
func nextStatus(t *testing.T, msgs <-chan tea.Msg) tea.Msg {
	t.Helper()
	for {
		select {
		case msg := <-msgs:
			switch msg.(type) {
			case StatusMsg, recoveredMsg:
				return msg
			}
		case <-time.After(10 * time.Second):
			t.Fatal("no status line within 10 s")
		}
	}
}

// A request a killed tokenscope left pending is named in the status line
// by the TUI's first load (from what that load read: no second decode); when a write sends it again, the status line says
// what it made, and nothing is written to stderr (it would tear the
// screen).
func TestPendingShownThenRecovered(t *testing.T) {
	dir, api := killedWithPending(t)
	s := sessionIn(t, dir, api, nil)
	a := newApp(t, s, 200, 24)
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	a.pc.Ctx = ctx
	msgs := make(chan tea.Msg, 16)
	runCmds(a.Init(), msgs)

	a.Update(a.loadCmd()()) // the first load, off the loop
	if !strings.Contains(a.View(), "1 interrupted request waiting to be sent again") {
		t.Fatalf("the pending request is not in the status line:\n%s", a.View())
	}

	if _, err := s.Create(ctx, testio.Preset(t, "mastercard"), ""); err != nil {
		t.Fatal(err)
	}
	a.Update(tea.KeyMsg{Type: tea.KeyEsc}) // the note stays until a key
	a.Update(nextStatus(t, msgs))
	recs, err := s.Tokens()
	if err != nil || len(recs) != 2 {
		t.Fatalf("after the write: %d tokens, %v", len(recs), err)
	}
	var made string
	for _, r := range recs {
		if r.Preset == "visa" {
			made = r.ID
		}
	}
	if made == "" || !strings.Contains(a.View(), made+" is now in the state") {
		t.Fatalf("the recovery of %q is not in the status line:\n%s", made, a.View())
	}
}

// killedWithPending is a state dir in which a killed tokenscope left the
// create of a visa token pending, and the offline API it was made for.
func killedWithPending(t *testing.T) (string, client.API) {
	t.Helper()
	dir := t.TempDir()
	api := offlineAPI(t, nil)
	store, err := state.Open(state.Options{Dir: dir, MaxTokens: -1})
	if err != nil {
		t.Fatal(err)
	}
	p := model.NewPendingCreate(testio.Preset(t, "visa"), "tokenscope-killed-1", "", time.Now())
	if _, err := store.Update(context.Background(), "test", func(st *state.State) error {
		st.Workspace(api.Backend().Workspace).AddPending(p)
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	return dir, api
}
