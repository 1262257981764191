// Package ui is the root of the TUI: the header, the token list and its
// detail pane, the pagers (JSON, request log, help, drift report) and the
// hosting of ui/flow's flows. Everything a program needs arrives through
// Options, so the SSH server can run one program per session side by side.
package ui

import (
	"context"
	"errors"
	"io"
	"os"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
	"github.com/muesli/termenv"

	"github.com/tokenscope/tokenscope/service"
)

// Options configure one TUI program.
type Options struct {
	Session *service.Session
	// Renderer is this program's lipgloss renderer (an SSH session's own);
	// nil makes one on Output.
	Renderer *lipgloss.Renderer
	// Output is the terminal: OSC 52 copies are written there, and Run
	// renders there. nil means os.Stdout.
	Output io.Writer
	// Now is the clock; nil means time.Now. Golden tests fix it.
	Now func() time.Time
	// Width and Height are the terminal size when known up front (an SSH
	// pty); the first tea.WindowSizeMsg replaces them.
	Width, Height int
	// Inline skips the alternate screen (--inline).
	Inline bool
	// NoColor renders without a single colour escape (NO_COLOR).
	NoColor bool
	// FPS caps the frame rate; 0 keeps bubbletea's default (60).
	FPS int
	// ScenarioDir is where the scenario picker finds *.hcl files after the
	// built-in packs: "." (the working directory) for the local TUI; ""
	// lists the packs only, which is what an SSH session must get.
	ScenarioDir string
	// Guest is a user of tokenscope serve, who has no shell on the
	// server: what the TUI would write there (m's report, x's export) is
	// copied to their clipboard and shown instead, and errors name no
	// server path, process or command (a held state lock). The local TUI
	// leaves it false.
	Guest bool
	// OnGuestFault hears of each error a guest is told to ask whoever
	// runs tokenscope serve about (a corrupt state, a full disk, the state
	// lock held too long), once per program: its code and its message,
	// with the server's paths, on one line, card and id numbers masked.
	// nil: nobody.
	OnGuestFault func(code, message string)
	// Notices are what the service says while the program runs (waiting
	// for another tokenscope's state lock): each shows in the status
	// line. nil: none.
	Notices <-chan string
	// Context bounds the API calls the program makes: they are cancelled
	// when it ends (Run's context; an SSH session's own, cancelled when
	// the session ends). nil means they end only when the program quits.
	Context context.Context
}

// Run opens the TUI on the terminal and returns when it quits. NO_COLOR in
// the environment counts as Options.NoColor.
func Run(ctx context.Context, opts Options, progOpts ...tea.ProgramOption) error {
	if opts.Output == nil {
		opts.Output = os.Stdout
	}
	if _, ok := os.LookupEnv("NO_COLOR"); ok {
		opts.NoColor = true
	}
	if opts.Renderer == nil {
		opts.Renderer = lipgloss.NewRenderer(opts.Output)
	}
	// Ask the terminal for its background before the program owns stdin:
	// asking later races bubbletea's input reader for the reply.
	opts.Renderer.HasDarkBackground()
	// However the program ends, what it still has in flight is cancelled.
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	opts.Context = ctx
	base := []tea.ProgramOption{tea.WithContext(ctx), tea.WithOutput(opts.Output)}
	if !opts.Inline {
		base = append(base, tea.WithAltScreen())
	}
	if opts.FPS > 0 {
		base = append(base, tea.WithFPS(opts.FPS))
	}
	_, err := tea.NewProgram(New(opts), append(base, progOpts...)...).Run()
	if errors.Is(err, tea.ErrProgramKilled) && ctx.Err() != nil {
		return ctx.Err()
	}
	return err
}

// colorProfile applies NoColor to the renderer.
func colorProfile(opts Options) *lipgloss.Renderer {
	r := opts.Renderer
	if r == nil {
		out := opts.Output
		if out == nil {
			out = os.Stdout
		}
		r = lipgloss.NewRenderer(out)
	}
	if opts.NoColor {
		r.SetColorProfile(termenv.Ascii)
	}
	return r
}
