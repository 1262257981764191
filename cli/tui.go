package cli

import (
	"context"
	"io"
	"os"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/x/term"
	"github.com/spf13/cobra"

	"github.com/tokenscope/tokenscope/ui"
)

// tuiFlags are the bare command's own flags.
type tuiFlags struct {
	inline bool
	fps    int
}

// addTUI makes the bare `tokenscope` open the terminal UI.
func (a *app) addTUI(root *cobra.Command) {
	var f tuiFlags
	root.Flags().BoolVar(&f.inline, "inline", false, "draw the TUI in the scrollback instead of the alternate screen")
	root.Flags().IntVar(&f.fps, "fps", 0, "cap the TUI's frame rate (default 60; lower it on slow SSH links)")
	root.RunE = func(c *cobra.Command, _ []string) error {
		in, out, ok := terminal(a.stdin, a.term)
		if !ok {
			c.SetOut(a.stderr)
			_ = c.Help()
			return usagef(c.CommandPath(), "the terminal UI needs a terminal on stdin and stdout; use the commands above in scripts")
		}
		// What the service says while the TUI runs goes to its status
		// line: on stderr it would be drawn over the screen.
		notices := make(chan string, 16)
		a.notice = func(text string) {
			select {
			case notices <- text:
			default: // the status line holds one line anyway
			}
		}
		defer func() { a.notice = nil }()
		sess, err := a.session()
		if err != nil {
			return err
		}
		noColor := a.global.noColor || a.getenv("NO_COLOR") != ""
		// Debits and refunds settle as they fall due while the TUI runs,
		// so their events show in its timelines without a refresh.
		settle, stopSettling := context.WithCancel(c.Context())
		settled := make(chan struct{})
		go func() {
			defer close(settled)
			_ = sess.Settle(settle, nil)
		}()
		defer func() { stopSettling(); <-settled }()
		err = ui.Run(c.Context(), ui.Options{
			Session:  sess,
			Renderer: lipgloss.NewRenderer(out),
			Output:   out,
			Inline:   f.inline,
			NoColor:  noColor,
			FPS:      f.fps,
			// The user's own scenario files, where they started tokenscope.
			ScenarioDir: ".",
			Notices:     notices,
		}, tea.WithInput(in))
		if err != nil && c.Context().Err() != nil {
			return nil // Ctrl-C from outside (SIGINT, SIGTERM) is a normal way out
		}
		return err
	}
}

// terminal reports whether stdin and stdout are both terminals.
func terminal(stdin io.Reader, stdout io.Writer) (*os.File, *os.File, bool) {
	in, ok1 := stdin.(*os.File)
	out, ok2 := stdout.(*os.File)
	if !ok1 || !ok2 || !term.IsTerminal(in.Fd()) || !term.IsTerminal(out.Fd()) {
		return nil, nil, false
	}
	return in, out, true
}
