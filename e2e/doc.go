// Package e2e holds end-to-end tests of the real tokenscope binary: it is
// built once per test run, then driven headless (exit codes, stdout, stderr)
// and as a TUI inside a private tmux server (send-keys in, capture-pane out),
// so what is tested is what a person runs, terminal handling included.
//
// The package has no code of its own; see the _test.go files.
package e2e
