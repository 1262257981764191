package cli

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"github.com/tokenscope/tokenscope/service"
)

// app is one run of tokenscope: where it writes, what the global flags say,
// and the session built from them on first use.
type app struct {
	stdin          io.Reader
	stdout, stderr io.Writer // out and errOut
	out, errOut    *output   // cleaned and masked (output.go)
	term           io.Writer // stdout as given, for the TUI to detect the terminal
	errTerm        io.Writer // stderr as given, for progress lines to detect one
	getenv         func(string) string
	// notice takes the service's notices (a lock wait) while the TUI runs:
	// its status line, not stderr under its screen. (Recoveries reach the
	// TUI through Session.OnRecover.)
	notice func(string)

	global globalFlags
	// json is the running command's --json: errors are then also printed
	// as Stripe's error object on stdout (errors.go).
	json bool
	// stream: the command writes JSON lines and reports its errors in
	// them as diagnostics, so printError leaves stdout alone.
	stream bool
	// jsonOut: the command prints a JSON document without --json (state
	// pull); its control characters are escaped rather than dropped.
	jsonOut bool
	// started is set once a command's RunE begins; an error before that
	// is cobra refusing the command line (exit 2).
	started bool

	// lines reads the values of sensitive flags given as "-" (secrets.go).
	lines *bufio.Reader

	svc *service.Service
}

// globalFlags are accepted before or after the command (persistent flags).
type globalFlags struct {
	apiBase     string
	offline     bool
	stateDir    string
	keyFile     string
	lockTimeout time.Duration
	noColor     bool
	maxTokens   int
}

// rootCmd builds the command tree: one constructor per command, each in
// the file of its group (scenario.go holds plan and apply).
func (a *app) rootCmd() *cobra.Command {
	root := &cobra.Command{
		Use:   "tokenscope",
		Short: "Explore Stripe test-mode tokens: create, inspect, use and refresh them",
		Long: `tokenscope creates Stripe test-mode tokens (card, bank account, PII, account),
keeps a local Terraform-style state of them, shows whether each has been used,
uses them in charges and customers, and explains every error.

Without a command it opens the terminal UI. Without STRIPE_API_KEY it talks to
an offline emulator of Stripe's test mode; nothing leaves the machine.`,
		// --version prints the version command's line, not cobra's
		// "tokenscope version dev".
		Version:                    versionLine(),
		SilenceErrors:              true,
		SilenceUsage:               true,
		Args:                       unknownCommand,
		SuggestionsMinimumDistance: suggestDistance,
	}
	root.SetVersionTemplate("{{.Version}}\n")
	a.addGlobalFlags(root)
	a.addTUI(root)
	root.AddCommand(
		a.createCmd(),
		a.getCmd(),
		a.listCmd(),
		a.refreshCmd(),
		a.useCmd(),
		a.refundCmd(), a.disputeCmd(),
		a.verifyCmd(),
		a.authenticateCmd(), a.captureCmd(), a.cancelCmd(),
		a.attachCmd(), a.detachCmd(),
		a.newPlanCmd(),
		a.newApplyCmd(),
		a.stateCmd(),
		a.reportCmd(),
		a.forceUnlockCmd(),
		a.presetsCmd(),
		a.emulatorCmd(),
		a.eventsCmd(),
		a.listenCmd(),
		a.serveCmd(),
		a.versionCmd(),
	)
	help := root.HelpFunc()
	root.SetHelpFunc(func(c *cobra.Command, args []string) {
		a.unmasked(func() { help(c, args) })
	})
	root.SetFlagErrorFunc(func(c *cobra.Command, err error) error {
		return usageError{err: err, cmd: c.CommandPath()}
	})
	markStarted(root, &a.started)
	return root
}

func (a *app) addGlobalFlags(root *cobra.Command) {
	f := root.PersistentFlags()
	g := &a.global
	f.StringVar(&g.apiBase, "api-base", "", "`URL` of the API: stripe-mock, or tokenscope emulator elsewhere (default: Stripe, or the offline emulator without a key)")
	f.BoolVar(&g.offline, "offline", false, "use the in-process offline emulator even when STRIPE_API_KEY is set")
	f.StringVar(&g.stateDir, "state-dir", "", "state directory `DIR` (env TOKENSCOPE_STATE_DIR, default $XDG_STATE_HOME/tokenscope)")
	f.StringVar(&g.keyFile, "api-key-file", "", "read the Stripe test key from `FILE` (mode 0600) instead of STRIPE_API_KEY")
	f.DurationVar(&g.lockTimeout, "lock-timeout", service.DefaultLockTimeout, "how long to wait for another tokenscope's state lock (0s: fail at once if it is held)")
	f.BoolVar(&g.noColor, "no-color", false, "no colours (also when NO_COLOR is set)")
	f.IntVar(&g.maxTokens, "max-tokens", 1000, "tokens kept per workspace in the state, newest first")
}

// unmasked runs print with masking off (control characters are still
// dropped): for static text whose numbers are Stripe's published test
// data, as help's examples and the presets catalog are.
func (a *app) unmasked(print func()) {
	a.out.plain, a.errOut.plain = true, true
	defer func() { a.out.plain, a.errOut.plain = false, false }()
	print()
}

// markStarted wraps every RunE in the tree so that Main can tell an error
// of the command itself from cobra refusing the command line.
func markStarted(c *cobra.Command, started *bool) {
	if run := c.RunE; run != nil {
		c.RunE = func(cmd *cobra.Command, args []string) error {
			*started = true
			return run(cmd, args)
		}
	}
	for _, sub := range c.Commands() {
		markStarted(sub, started)
	}
}

// group makes c a command that only holds others: run bare, it shows its
// help on stderr and exits 2; an unknown subcommand is a usage error.
func group(c *cobra.Command) *cobra.Command {
	c.Args, c.SuggestionsMinimumDistance = unknownCommand, suggestDistance
	c.RunE = func(c *cobra.Command, _ []string) error {
		c.SetOut(c.ErrOrStderr())
		_ = c.Help()
		return usagef(c.CommandPath(), "%s needs a subcommand", c.CommandPath())
	}
	return c
}

// suggestDistance is how many edits away a mistyped command may be and
// still be suggested: "lisst" suggests list (cobra's own default, which
// SuggestionsFor does not apply by itself).
const suggestDistance = 2

// unknownCommand refuses arguments to a command that takes none: they are
// a mistyped subcommand, and the message says which ones are near
// ("Did you mean this? list"). cobra.NoArgs says only "unknown command",
// and cobra suggests by itself only for a root without Args or RunE.
func unknownCommand(c *cobra.Command, args []string) error {
	if len(args) == 0 {
		return nil
	}
	msg := fmt.Sprintf("unknown command %q for %q", args[0], c.CommandPath())
	if near := c.SuggestionsFor(args[0]); len(near) > 0 {
		msg += "\n\nDid you mean this?\n\t" + strings.Join(near, "\n\t")
	}
	return errors.New(msg)
}

// jsonFlag adds --json to a command, bound to a.json.
func (a *app) jsonFlag(c *cobra.Command, what string) {
	c.Flags().BoolVar(&a.json, "json", false, what)
}

// commandPath names the command args would run, for the usage hint.
func commandPath(root *cobra.Command, args []string) string {
	if c, _, err := root.Find(args); err == nil {
		return c.CommandPath()
	}
	return root.CommandPath()
}
