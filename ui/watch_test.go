package ui

import (
	"context"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/tokenscope/tokenscope/model/state"
)

// TestStateWrittenElsewhereShows: a token another tokenscope writes to the
// state file shows in the list without R, read by a command (never in
// Update), and the selection stays on the token it was on.
func TestStateWrittenElsewhereShows(t *testing.T) {
	dir := t.TempDir()
	recs := fixtures(t)
	s := sessionIn(t, dir, offlineAPI(t, nil), recs)
	a := newApp(t, s, 80, 24)
	press(t, a, "j") // the declined card
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	a.pc.Ctx = ctx
	wait := a.Init() // watching from here on
	if wait == nil {
		t.Fatal("Init does not watch the state")
	}

	// Another process writes a token at the top of the list.
	store, err := state.Open(state.Options{Dir: dir, MaxTokens: -1})
	if err != nil {
		t.Fatal(err)
	}
	other := recs[0]
	other.ID = "tok_1QxWrittenByTheCLI00000000"
	if _, err := store.Update(context.Background(), "create", func(st *state.State) error {
		st.Workspace(s.WorkspaceName()).Upsert(other)
		return nil
	}); err != nil {
		t.Fatal(err)
	}

	got := make(chan tea.Msg, 4)
	runCmds(wait, got)
	var msg tea.Msg
	select {
	case msg = <-got:
	case <-time.After(10 * time.Second):
		t.Fatal("no reload within 10 s of the state file changing")
	}
	if _, ok := msg.(stateChangedMsg); !ok {
		t.Fatalf("the watch answered %T", msg)
	}
	_, cmd := a.Update(msg)
	if cmd == nil {
		t.Fatal("a change reads nothing")
	}
	if a.list.find(other.ID) != nil {
		t.Fatal("the state was read in Update")
	}
	batch, ok := cmd().(tea.BatchMsg) // the read, and the wait for the next change
	if !ok || len(batch) != 2 {
		t.Fatalf("a change answers %T, not the read and the next wait", cmd())
	}
	_, _ = a.Update(batch[0]()) // what the read does, off the loop
	if a.list.find(other.ID) == nil {
		t.Fatalf("%s not in the list after the reload", other.ID)
	}
	if a.list.selectedID() != recs[1].ID {
		t.Errorf("the selection moved to %s", a.list.selectedID())
	}
}
