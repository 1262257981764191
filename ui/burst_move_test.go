package ui

import (
	"context"
	"strings"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/tokenscope/tokenscope/model"
	"github.com/tokenscope/tokenscope/service"
)

// usedAs makes a token of preset and uses it as req, for a pane to open.
func usedAs(t *testing.T, s *service.Session, preset string, req model.UseRequest) string {
	t.Helper()
	tok, err := model.FromPresetAt(preset, clock)
	if err != nil {
		t.Fatal(err)
	}
	rec, err := s.Create(context.Background(), tok, "")
	if err != nil {
		t.Fatal(err)
	}
	req.TokenID = rec.ID
	use, _, err := s.Use(context.Background(), req)
	if err != nil {
		t.Fatal(err)
	}
	return use.ObjectID
}

// The tester's `x Enter` in one write canceled a PaymentIntent with no
// plan on screen: every move of an object pane takes no enter that came
// with the keys that opened its plan, says why, and takes the next one.
func TestBurstDoesNotApplyUnseenMove(t *testing.T) {
	manual := model.UseRequest{Kind: model.UsePaymentIntent, Amount: 1000, Currency: "usd", CaptureMethod: "manual"}
	for _, c := range []struct {
		name          string
		open          func(t *testing.T, s *service.Session) string
		before, burst []string // before: typed slowly (a plan applied later)
		plan, done    string
	}{
		{"cancel", func(t *testing.T, s *service.Session) string { return usedAs(t, s, "visa", manual) },
			nil, []string{"x", "enter"}, `-> "canceled"`, "+ canceled pi_"},
		{"capture", func(t *testing.T, s *service.Session) string { return usedAs(t, s, "visa", manual) },
			nil, []string{"c", "enter", "enter"}, "amount_to_capture", "captured 10.00 usd"},
		{"refund", func(t *testing.T, s *service.Session) string {
			return usedAs(t, s, "visa", model.UseRequest{Kind: model.UsePaymentIntent, Amount: 1000, Currency: "usd"})
		}, nil, []string{"b", "enter", "enter"}, "POST /v1/refunds", "refunded: refund re_"},
		{"answer", func(t *testing.T, s *service.Session) string {
			ch := usedAs(t, s, "dispute_fraudulent", model.UseRequest{Kind: model.UseCharge, Amount: 1000, Currency: "usd"})
			du, found, err := s.DisputeOf(context.Background(), ch)
			if err != nil || !found {
				t.Fatalf("no dispute of %s: %v", ch, err)
			}
			return du.ID
		}, nil, []string{"w", "enter", "enter"}, `"needs_response" -> "under_review"`, "dispute answered: under_review"},
		{"verify", func(t *testing.T, s *service.Session) string {
			return usedAs(t, s, "bank_ok", model.UseRequest{Kind: model.UseCustomer})
		}, nil, []string{"v", "enter", "enter"}, "amounts", "verified ba_"},
		{"charge", func(t *testing.T, s *service.Session) string {
			return usedAs(t, s, "bank_ok", model.UseRequest{Kind: model.UseCustomer})
		}, []string{"v", "enter", "enter"}, []string{"p", "enter", "enter"}, "+ amount   = 1000", "charged 10.00 usd"},
	} {
		t.Run(c.name, func(t *testing.T) {
			s := newSession(t, nil)
			id := c.open(t, s)
			a := newApp(t, s, 80, 24)
			now := fixedNow()
			a.pc.Now = func() time.Time { return now }
			a.pc.PlanSettle = 300 * time.Millisecond
			sendBurst(t, a, runes("i"+id))
			press(t, a, "enter")
			if len(c.before) > 0 { // typed slowly: each plan a second on screen
				press(t, a, c.before[:len(c.before)-1]...)
				now = now.Add(time.Second)
				press(t, a, c.before[len(c.before)-1])
			}
			sendAll(t, a, keyMsgs(c.burst...)...)
			v := a.View()
			if flat := strings.Join(strings.Fields(v), " "); !strings.Contains(v, c.plan) || !strings.Contains(flat, "press enter again to apply") || strings.Contains(v, c.done) {
				t.Fatalf("%v in one write: want the plan (%q), not applied, and why:\n%s", c.burst, c.plan, v)
			}
			now = now.Add(time.Second)
			press(t, a, "enter")
			if v := a.View(); !strings.Contains(v, c.done) {
				t.Fatalf("enter on the plan a second later did not apply it (want %q):\n%s", c.done, v)
			}
		})
	}
}

// keyMsgs are the key messages of keys, as keyMsg makes each.
func keyMsgs(keys ...string) []tea.KeyMsg {
	out := make([]tea.KeyMsg, len(keys))
	for i, k := range keys {
		out[i] = keyMsg(k)
	}
	return out
}
