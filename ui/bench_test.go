package ui

import (
	"sync/atomic"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
	"github.com/muesli/termenv"
)

// BenchmarkFirstFrame10k is the time from nothing to the first frame with
// 10,000 tokens in the state: read the state file, build the model, View.
// Budget (README, Figures): 100 ms.
func BenchmarkFirstFrame10k(b *testing.B) {
	s := newSession(b, manyRecords(b, 10000))
	b.ResetTimer()
	for b.Loop() {
		a := New(Options{Session: s, Renderer: asciiRenderer(), Now: fixedNow, Width: 80, Height: 24})
		_ = a.View()
	}
}

// BenchmarkKeystroke10k is one key press (down, then up) handled and drawn
// with 10,000 tokens, at 80x24 and in the wide layout. Budget: 2 ms.
func BenchmarkKeystroke10k(b *testing.B) {
	s := newSession(b, manyRecords(b, 10000))
	for _, sz := range []struct {
		name string
		w, h int
	}{{"80x24", 80, 24}, {"120x40", 120, 40}} {
		b.Run(sz.name, func(b *testing.B) {
			a := newApp(b, s, sz.w, sz.h)
			keys := []tea.KeyMsg{{Type: tea.KeyDown}, {Type: tea.KeyUp}}
			i := 0
			for b.Loop() {
				m, _ := a.Update(keys[i%2])
				_ = m.View()
				i++
			}
		})
	}
	b.Run("filter", func(b *testing.B) {
		a := newApp(b, s, 80, 24)
		a.Update(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune{'/'}})
		keys := []tea.KeyMsg{{Type: tea.KeyRunes, Runes: []rune{'9'}}, {Type: tea.KeyBackspace}}
		i := 0
		for b.Loop() {
			m, _ := a.Update(keys[i%2])
			_ = m.View()
			i++
		}
	})
}

// countingWriter counts what the program sends to the terminal.
type countingWriter struct{ n atomic.Int64 }

func (c *countingWriter) Write(p []byte) (int, error) {
	c.n.Add(int64(len(p)))
	return len(p), nil
}

// bytesPerMove runs a real program at 80x24 with 10,000 tokens and counts
// the bytes bubbletea's renderer writes when the selection moves one row.
func bytesPerMove(tb testing.TB, profile termenv.Profile) int64 {
	s := newSession(tb, manyRecords(tb, 10000))
	out := &countingWriter{}
	r := lipgloss.NewRenderer(out)
	r.SetColorProfile(profile)
	r.SetHasDarkBackground(true)
	m := New(Options{Session: s, Renderer: r, Now: fixedNow, Output: out})
	p := tea.NewProgram(m, tea.WithOutput(out), tea.WithInput(nil), tea.WithoutSignalHandler())
	done := make(chan struct{})
	go func() { _, _ = p.Run(); close(done) }()
	p.Send(tea.WindowSizeMsg{Width: 80, Height: 24})
	waitQuiet(out)
	out.n.Store(0)
	p.Send(tea.KeyMsg{Type: tea.KeyDown})
	waitQuiet(out)
	n := out.n.Load()
	p.Quit()
	<-done
	return n
}

// waitQuiet waits until nothing has been written for several frames.
func waitQuiet(c *countingWriter) {
	last, still := int64(-1), 0
	for still < 5 {
		time.Sleep(20 * time.Millisecond)
		if n := c.n.Load(); n == last {
			still++
		} else {
			last, still = n, 0
		}
	}
}

// BenchmarkMoveBytes reports bytes sent to the terminal per one-row move at
// 80x24. Budget: 300 bytes.
func BenchmarkMoveBytes(b *testing.B) {
	for _, pr := range []struct {
		name string
		p    termenv.Profile
	}{{"ascii", termenv.Ascii}, {"256color", termenv.ANSI256}, {"truecolor", termenv.TrueColor}} {
		b.Run(pr.name, func(b *testing.B) {
			var n int64
			for b.Loop() {
				n = bytesPerMove(b, pr.p)
			}
			b.ReportMetric(float64(n), "B/move")
		})
	}
}

// TestMoveBytesBudget keeps moving one row at 80x24 under 300 bytes even in
// true colour.
func TestMoveBytesBudget(t *testing.T) {
	if testing.Short() {
		t.Skip("runs a program for a second")
	}
	if n := bytesPerMove(t, termenv.TrueColor); n > 300 || n == 0 {
		t.Fatalf("moving one row wrote %d bytes; budget 1..300", n)
	}
}

// BenchmarkScenarioPick10k is enter on a pack in the scenario picker with
// 10,000 tokens in the state, Update and View: the pack is read and
// planned against the whole state by the command enter returns, never in
// Update. Budget: a keystroke's 2 ms.
func BenchmarkScenarioPick10k(b *testing.B) {
	a := newApp(b, newSession(b, manyRecords(b, 10000)), 80, 24)
	a.Update(keyMsg("s"))
	for b.Loop() {
		m, _ := a.Update(keyMsg("enter"))
		_ = m.View()
		b.StopTimer()
		a.Update(keyMsg("esc")) // back to the picker
		b.StartTimer()
	}
}
