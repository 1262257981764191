package cli

import (
	"bufio"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/charmbracelet/x/term"
	"github.com/spf13/cobra"

	"github.com/tokenscope/tokenscope/model"
)

// Every user of a machine can read every other user's command lines
// (ps, /proc/PID/cmdline), and the shell keeps them in its history. So a
// create command's sensitive flags (a card number, a CVC, an account
// number, an id number: model.Input.Sensitive) take only Stripe's
// published test data, which is public (model.Input.IsPublic: the catalog
// that `tokenscope presets` lists; with a test card, any CVC). Anything
// else is refused before anything is sent; it is given as "-" instead and
// read from stdin, or typed into the TUI's form.

// stdinFlag is the value of a sensitive flag that reads it from stdin.
const stdinFlag = "-"

// maxStdinSecrets bounds what the sensitive flags read from stdin: a few
// lines of digits.
const maxStdinSecrets = 64 << 10

// sensitiveFlag is the value of a sensitive flag given as v, with req the
// request so far (a CVC is test data with a test card).
func (a *app) sensitiveFlag(c *cobra.Command, in model.Input, v string, req model.TokenRequest) (string, error) {
	if v == stdinFlag {
		return a.readSecret(c, in)
	}
	what := flagWhat(in)
	if !in.IsPublic(v, req) {
		return "", usagef(c.CommandPath(), "--%s: the %s given on the command line is not Stripe's published test data, so it is refused: "+
			"every user of this machine can read command lines (ps), and the shell keeps them in its history. "+
			"Give it on stdin instead: --%s - reads one line (typed at a terminal, it is not shown); or type it into the TUI's form (tokenscope, then n). "+
			"tokenscope presets lists the test data; a test card takes any CVC", in.Flag, what, in.Flag)
	}
	return v, nil
}

// readSecret reads one sensitive value from stdin: typed without echo when
// stdin is a terminal, else the next line (several "-" flags read one line
// each, in the order the command lists its flags).
func (a *app) readSecret(c *cobra.Command, in model.Input) (string, error) {
	what := flagWhat(in)
	if f, ok := a.stdin.(*os.File); ok && term.IsTerminal(f.Fd()) {
		fmt.Fprintf(a.stderr, "%s (not shown): ", what)
		b, err := term.ReadPassword(f.Fd())
		fmt.Fprintln(a.stderr)
		if err != nil {
			return "", usagef(c.CommandPath(), "--%s -: reading the %s from the terminal: %v", in.Flag, what, err)
		}
		return strings.TrimSpace(string(b)), nil
	}
	if a.lines == nil {
		a.lines = bufio.NewReader(io.LimitReader(a.stdin, maxStdinSecrets))
	}
	line, err := a.lines.ReadString('\n')
	if line = strings.TrimSpace(line); line == "" {
		if err == nil || err == io.EOF {
			err = fmt.Errorf("no line left")
		}
		return "", usagef(c.CommandPath(), "--%s -: the %s was to be read from stdin, one line, and there was none (%v)", in.Flag, what, err)
	}
	return line, nil
}

// flagWhat names what a flag holds, from its help: "card number", "CVC".
func flagWhat(in model.Input) string {
	what, _, _ := strings.Cut(in.Usage, ":")
	what, _, _ = strings.Cut(what, " (")
	return what
}
