package flow

import (
	"fmt"
	"io"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
	"github.com/muesli/termenv"

	"github.com/tokenscope/tokenscope/model"
	"github.com/tokenscope/tokenscope/ui/common"
	"github.com/tokenscope/tokenscope/views"
)

// BenchmarkEventsKey is a keystroke (↓) and the frame after it in a
// full events view (eventsShown events, each delivered twice), against
// the 2 ms budget of DESIGN.md.
func BenchmarkEventsKey(b *testing.B) {
	r := lipgloss.NewRenderer(io.Discard)
	r.SetColorProfile(termenv.ANSI256)
	pc := common.NewContext(nil, r, io.Discard, func() time.Time { return clock })
	pc.Width, pc.Height = 80, 24
	e := NewEvents(pc, "").(*Events)
	e.read = true
	for i := range eventsShown {
		raw := fmt.Sprintf(`{"id":"evt_%024d","type":"charge.succeeded","created":%d,"request":{"id":"req_%014d"},"data":{"object":{"id":"ch_%024d","object":"charge"}}}`, i, clock.Unix()-int64(i), i, i)
		ev, err := model.NewEvent([]byte(raw))
		if err != nil {
			b.Fatal(err)
		}
		e.evs = append(e.evs, ev)
		e.dels[ev.ID] = []views.Delivered{{State: "delivered"}, {State: "failed"}}
	}
	e.keepSelection()
	down := tea.KeyMsg{Type: tea.KeyDown}
	b.ResetTimer()
	for range b.N {
		e.Update(down)
		_ = e.View()
	}
}
