package flow

import (
	"context"
	"net/http"
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/tokenscope/tokenscope/internal/testio"
)

// tokenCreates matches POST /v1/tokens.
func tokenCreates(r *http.Request) bool {
	return r.Method == http.MethodPost && r.URL.Path == "/v1/tokens"
}

// replyFrom waits for the reply among a command's messages (spinner ticks
// are skipped).
func replyFrom(t *testing.T, msgs <-chan tea.Msg) reply {
	t.Helper()
	for {
		if r, ok := testio.Recv(t, msgs, "the reply").(reply); ok {
			return r
		}
	}
}

// Confirming a plan sends nothing from Update: the request is a command,
// and closing the flow cancels it while it waits on a server that never
// answers.
func TestCreateRunsOffUpdateAndCloseCancelsIt(t *testing.T) {
	h := testio.HangOn(tokenCreates)
	pc, _ := newContext(t, 80, 24, setup{wrap: h.Wrap})
	tok := NewToken(pc).(*Token)
	for _, k := range []string{"enter", "enter"} { // card, review the visa preset
		tok.Update(keyMsg(k))
	}
	if tok.step != stepPlan {
		t.Fatalf("not at the plan:\n%s", tok.View())
	}
	_, cmd := tok.Update(keyMsg("enter"))
	if !tok.InFlight() || cmd == nil {
		t.Fatal("confirming the plan did not start the create")
	}
	if what, sent := h.Sent(); sent {
		t.Fatalf("Update sent %s itself", what)
	}
	msgs := testio.Run(cmd)
	testio.Recv(t, h.Held, "the create to reach the server")
	tok.Close()
	if what := testio.Recv(t, h.Freed, "the create to be cancelled"); !strings.HasPrefix(what, "POST") {
		t.Errorf("freed %s", what)
	}
	if r := replyFrom(t, msgs); r.err == nil || r.flow != tok.id {
		t.Errorf("the cancelled create replied %+v", r)
	}
}

// The retrieve opened from the chooser is closed with its flow, and when
// esc leaves it for the chooser.
func TestTokenCloseClosesItsRetrieve(t *testing.T) {
	pc, _ := newContext(t, 80, 24, setup{})
	tok := NewToken(pc).(*Token)
	tok.Update(keyMsg("up")) // the last entry: retrieve by id
	tok.Update(keyMsg("enter"))
	if tok.retrieve == nil {
		t.Fatalf("retrieve did not open:\n%s", tok.View())
	}
	r := tok.retrieve
	tok.Close()
	if r.ctx.Err() == nil {
		t.Error("closing the flow left its retrieve's context open")
	}

	tok = NewToken(pc).(*Token)
	tok.Update(keyMsg("up"))
	tok.Update(keyMsg("enter"))
	r = tok.retrieve
	_, back := tok.Update(keyMsg("esc"))
	tok.Update(back())
	if tok.retrieve != nil || r.ctx.Err() == nil {
		t.Error("esc back to the chooser left the retrieve's context open")
	}
	if tok.ctx.Err() != nil {
		t.Error("esc in the retrieve closed the whole flow")
	}
}

// A flow's context is the program's child: when the program ends, so do
// the flow's requests.
func TestScopeEndsWithTheProgram(t *testing.T) {
	pc, _ := newContext(t, 80, 24, setup{})
	ctx, quit := context.WithCancel(context.Background())
	pc.Ctx = ctx
	u := NewUse(pc, created(t, pc, "visa")).(*Use)
	quit()
	if u.ctx.Err() == nil {
		t.Fatal("the program ended and the flow's context is still open")
	}
}
