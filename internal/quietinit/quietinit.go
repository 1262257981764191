// Package quietinit keeps tokenscope from querying the terminal while Go
// initializes its packages.
//
// bubbletea v1's package init (tea_init.go) asks lipgloss whether the
// background is dark, and termenv answers by writing OSC 11 and CSI 6n to
// stdout and waiting up to 5 s for the reply: every headless command paid
// that on a terminal that does not answer (script, CI ptys, ssh -tt relays).
// lipgloss.SetHasDarkBackground would stop it but cannot run first: termenv,
// lipgloss and bubbletea initialize one after the other, and Go initializes
// the ready package with the smallest import path first, which is never one
// of ours (github.com/tokenscope > github.com/charmbracelet). This package
// imports nothing but os, so it is ready, and initialized, long before
// termenv (which waits for text/template). It sets TERM=dumb, which termenv
// takes to mean "no status reports", so the query is skipped without a
// byte written; main calls Restore first thing, so everything after init
// (the TUI's own renderer and its background query) sees the real TERM.
// The test that holds this is e2e's TestNoTerminalQueryOnSilentPty.
package quietinit

import "os"

// term is TERM as the process received it; set says whether it was set.
var term, set = os.LookupEnv("TERM")

func init() {
	_ = os.Setenv("TERM", "dumb")
}

// Restore puts TERM back as the process received it. main calls it before
// anything else, so nothing but package initialization sees "dumb".
func Restore() {
	if set {
		_ = os.Setenv("TERM", term)
		return
	}
	_ = os.Unsetenv("TERM")
}
