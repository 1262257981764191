// Package cli is tokenscope's headless command line: one cobra command per
// verb, grouped one file per command group, all sharing one backend and state
// wiring (backend.go), one way to print a token (describe.go) and one way to
// print an error (errors.go). Main is the whole program minus the process, so
// tests run it in-process exactly as a user would from a shell.
package cli

import (
	"context"
	"io"

	"github.com/tokenscope/tokenscope/model"
	"github.com/tokenscope/tokenscope/service"
	"github.com/tokenscope/tokenscope/views"
)

// Version is the release name; main sets it from its -ldflags -X variable.
var Version = "dev"

// Main runs tokenscope with args (without the program name) and returns the
// process exit code: 0 ok, 1 the API refused or the state is locked or
// unreadable, 2 bad usage or a local check, 3 a network or server fault.
func Main(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer, getenv func(string) string) int {
	a := &app{stdin: stdin, term: stdout, errTerm: stderr, getenv: getenv}
	// Anything on the command line that looks like a card, account or id
	// number is masked wherever it would be echoed (cobra's own messages
	// included), and so is every secret the output holds (output.go).
	secrets := numbersIn(args)
	a.out = newOutput(stdout, secrets, func() bool { return a.json || a.jsonOut })
	a.errOut = newOutput(stderr, secrets, nil)
	a.stdout, a.stderr = a.out, a.errOut
	if err := refuseKeysInArgs(args); err != nil {
		a.printError(err)
		return ExitCode(err)
	}

	root := a.rootCmd()
	root.SetArgs(args)
	root.SetIn(stdin)
	root.SetOut(a.stdout)
	root.SetErr(a.stderr)
	// A write that waits for another tokenscope's state lock names who
	// holds it, after Terraform's "Acquiring state lock..." (a TUI flow
	// sets its own, for its spinner).
	ctx = service.OnLockWait(ctx, func(holder model.LockHolder) {
		a.say("  waiting for the state lock held by " + views.LockHolder(holder))
	})
	err := root.ExecuteContext(ctx)
	if err == nil {
		return 0
	}
	if !a.started {
		// cobra refused before any command ran: unknown command or flag,
		// wrong number of arguments, a missing required flag.
		err = usageError{err: err, cmd: commandPath(root, args)}
	}
	a.printError(err)
	return ExitCode(err)
}
