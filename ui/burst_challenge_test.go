package ui

import (
	"strings"
	"testing"
	"time"

	"github.com/tokenscope/tokenscope/model"
)

// The tester's `i pi_… enter a` in one write answered 3D Secure before
// the pane was seen: an a (or f) that came with the keys that opened the
// pane does not act, the pane says why, and the next a answers.
func TestBurstDoesNotAnswerAnUnseenChallenge(t *testing.T) {
	for _, c := range []struct{ key, done string }{{"a", "3D Secure answered: succeeded"}, {"f", "3D Secure answered: requires_payment_method"}} {
		t.Run(c.key, func(t *testing.T) {
			s := newSession(t, nil)
			pi := usedAs(t, s, "threeds_always", model.UseRequest{Kind: model.UsePaymentIntent, Amount: 1000, Currency: "usd"})
			a := newApp(t, s, 80, 24)
			now := fixedNow()
			a.pc.Now = func() time.Time { return now }
			a.pc.PlanSettle = 300 * time.Millisecond
			sendBurst(t, a, runes("i"+pi))
			sendAll(t, a, keyMsgs("enter", c.key)...)
			v := a.View()
			if flat := strings.Join(strings.Fields(v), " "); !strings.Contains(v, "requires_action") ||
				!strings.Contains(flat, c.key+" came with the keys that opened this screen") || strings.Contains(v, "3D Secure answered") {
				t.Fatalf("i %s enter %s in one write: want the pane unanswered, and why:\n%s", pi, c.key, v)
			}
			now = now.Add(time.Second)
			press(t, a, c.key)
			if v := a.View(); !strings.Contains(v, c.done) || strings.Contains(v, "came with the keys") {
				t.Fatalf("%s a second later did not answer (want %q):\n%s", c.key, c.done, v)
			}
		})
	}
}
