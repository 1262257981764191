package testio

import tea "github.com/charmbracelet/bubbletea"

// Run runs a bubbletea command as a program does, off the test's
// goroutine: each command of a batch in its own goroutine, every message
// delivered on the returned channel. A test can then wait on what the
// command does (hold a request) while it goes on updating the model.
func Run(cmd tea.Cmd) <-chan tea.Msg {
	out := make(chan tea.Msg, 8)
	var launch func(tea.Cmd)
	launch = func(c tea.Cmd) {
		go func() {
			msg := c()
			if b, ok := msg.(tea.BatchMsg); ok {
				for _, c := range b {
					if c != nil {
						launch(c)
					}
				}
				return
			}
			out <- msg
		}()
	}
	if cmd != nil {
		launch(cmd)
	}
	return out
}
