package common

import (
	"context"
	"io"
	"time"

	"github.com/charmbracelet/lipgloss"

	"github.com/tokenscope/tokenscope/model"
	"github.com/tokenscope/tokenscope/service"
)

// ProgramContext is built once per program and handed to every view, so
// that nothing reaches for globals: an SSH server runs many programs in one
// process, each with its own renderer, size, workspace and clock.
type ProgramContext struct {
	// Ctx ends when the program quits or its SSH session closes. Every
	// request and apply runs under it (a flow's under a child it cancels
	// when the flow closes), so no work outlives the screen that asked.
	Ctx     context.Context
	Session *service.Session
	Backend model.Backend
	Styles  *Styles
	Keys    *KeyMap
	// Output is the terminal the program writes to; OSC 52 copies go there.
	Output io.Writer
	// Now is the clock, fixed in golden tests.
	Now func() time.Time
	// PlanSettle: an enter this soon after a plan opened came in one write
	// with the keys that opened it (typed ahead, pasted, a tmux send-keys),
	// before the plan could be read, and does not apply it: the plan is
	// shown before every write. Zero where the clock is fixed (tests):
	// there no time passes between keys.
	PlanSettle time.Duration
	// StillObjects: object panes show their object as read until r, and
	// do not follow the events about it (ui/flow/objectlive.go). For
	// tests that run a program's commands one after another to their
	// end, where a feed's look would wait for the next event.
	StillObjects bool
	// Width and Height are the terminal's size, kept up to date by the app.
	Width, Height int
	// ScenarioDir is where the scenario picker finds *.hcl files after the
	// built-in packs: "." for the local TUI; "" lists the packs only, as
	// tokenscope serve must (attendees would see the server's files).
	ScenarioDir string
	// Guest: the program serves an SSH guest of tokenscope serve
	// (ui.Options.Guest), who can reach no file on the server nor run a
	// command there: what is handed on goes to their clipboard and
	// screen, and errors say what the guest can do instead.
	Guest bool
	// OnGuestFault (ui.Options.OnGuestFault) hears once of each error a
	// guest is told to ask the server's user about (guestfault.go).
	OnGuestFault func(code, message string)
	toldServer   map[string]bool
}

// DefaultPlanSettle is how long a plan is on screen before enter applies it:
// longer than one write of the terminal takes to arrive (a few ms), much
// shorter than reading a plan.
const DefaultPlanSettle = 300 * time.Millisecond

// NewContext builds the context for one program from its renderer.
func NewContext(s *service.Session, r *lipgloss.Renderer, out io.Writer, now func() time.Time) *ProgramContext {
	var settle time.Duration
	if now == nil {
		now, settle = time.Now, DefaultPlanSettle
	}
	var b model.Backend
	if s != nil {
		b = s.Backend()
	}
	return &ProgramContext{Ctx: context.Background(), Session: s, Backend: b, Styles: NewStyles(r), Keys: NewKeyMap(), Output: out, Now: now, PlanSettle: settle}
}
