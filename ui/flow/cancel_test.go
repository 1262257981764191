package flow

import (
	"context"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/tokenscope/tokenscope/internal/testio"
	"github.com/tokenscope/tokenscope/model"
)

// esc while a create hangs cancels its request within a second; the
// flow says it was cancelled, not that the network failed; the spinner
// line shows the seconds waited.
func TestEscCancelsAHungCreate(t *testing.T) {
	h := testio.HangOn(tokenCreates)
	pc, _ := newContext(t, 80, 24, setup{wrap: h.Wrap})
	now := clock
	pc.Now = func() time.Time { return now }
	tok := NewToken(pc).(*Token)
	for _, k := range []string{"enter", "enter"} {
		tok.Update(keyMsg(k))
	}
	_, cmd := tok.Update(keyMsg("enter"))
	msgs := testio.Run(cmd)
	testio.Recv(t, h.Held, "the create to reach the server")
	now = now.Add(12 * time.Second)
	if v := tok.View(); !strings.Contains(v, "12s · esc cancels") {
		t.Errorf("the spinner does not show the seconds waited:\n%s", v)
	}
	start := time.Now()
	tok.Update(keyMsg("esc"))
	testio.Recv(t, h.Freed, "the create to be cancelled")
	r := replyFrom(t, msgs)
	if d := time.Since(start); d > time.Second {
		t.Errorf("cancelling took %s", d)
	}
	if !errors.Is(r.err, context.Canceled) {
		t.Fatalf("the reply's error does not keep the cancel: %v", r.err)
	}
	tok.Update(r)
	v := tok.View()
	if !strings.Contains(v, model.CodeCancelled) || strings.Contains(v, "could not be reached") {
		t.Errorf("the cancel reads as a network fault:\n%s", v)
	}
}
