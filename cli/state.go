package cli

import (
	"errors"
	"fmt"

	"github.com/spf13/cobra"

	"github.com/tokenscope/tokenscope/model"
	"github.com/tokenscope/tokenscope/service"
	"github.com/tokenscope/tokenscope/views"
)

// stateCmd is Terraform's `state` group: inspect and edit the local state
// without calling the API.
func (a *app) stateCmd() *cobra.Command {
	c := group(&cobra.Command{
		Use:   "state",
		Short: "Inspect and edit the local state (no request is made)",
		// The TUI and README call `state rm` forgetting a token.
		SuggestFor: []string{"forget"},
	})
	c.AddCommand(a.stateListCmd(), a.stateShowCmd(), a.stateRmCmd(), a.statePullCmd(), a.stateExportCmd())
	return c
}

func (a *app) stateListCmd() *cobra.Command {
	return &cobra.Command{
		Use:   "list",
		Short: "Print the token ids of the state, newest first, one per line",
		Args:  cobra.NoArgs,
		RunE: func(c *cobra.Command, _ []string) error {
			sess, err := a.session()
			if err != nil {
				return err
			}
			tokens, err := sess.Tokens()
			if err != nil {
				return err
			}
			for _, r := range tokens {
				fmt.Fprintln(a.stdout, r.ID)
			}
			return nil
		},
	}
}

func (a *app) stateShowCmd() *cobra.Command {
	c := &cobra.Command{
		Use:   "show ID",
		Short: "Show a token as the state records it (with the local facts: preset, uses)",
		Args:  cobra.ExactArgs(1),
		RunE: func(c *cobra.Command, args []string) error {
			sess, err := a.session()
			if err != nil {
				return err
			}
			rec, ok, err := sess.Token(args[0])
			if err != nil {
				return err
			}
			if !ok {
				return notInState(args[0])
			}
			if a.json {
				return views.WriteJSON(a.stdout, rec)
			}
			return writeToken(a.stdout, "token", rec)
		},
	}
	a.jsonFlag(c, "print the state's record (the Token as raw, plus local facts)")
	return c
}

func (a *app) stateRmCmd() *cobra.Command {
	return &cobra.Command{
		Use:   "rm ID...",
		Short: "Forget tokens (Stripe keeps them: tokens cannot be deleted)",
		Args:  cobra.MinimumNArgs(1),
		RunE: func(c *cobra.Command, args []string) error {
			sess, err := a.session()
			if err != nil {
				return err
			}
			var missing *service.NotInStateError
			if err := sess.Remove(c.Context(), args); errors.As(err, &missing) {
				return notInState(missing.ID)
			} else if err != nil {
				return err
			}
			for _, id := range args {
				fmt.Fprintf(a.stdout, "Removed %s\n", id)
			}
			fmt.Fprintf(a.stdout, "Successfully removed %d resource instance(s).\n", len(args))
			return nil
		},
	}
}

func (a *app) statePullCmd() *cobra.Command {
	return &cobra.Command{
		Use:   "pull",
		Short: "Print the whole state file (every workspace) as JSON",
		Args:  cobra.NoArgs,
		RunE: func(c *cobra.Command, _ []string) error {
			svc, err := a.stateService()
			if err != nil {
				return err
			}
			data, err := svc.PullState()
			if err != nil {
				return err
			}
			a.jsonOut = true
			_, err = fmt.Fprintf(a.stdout, "%s\n", data)
			return err
		},
	}
}

// forceUnlockCmd removes a stuck lock, named by the id the lock error shows.
func (a *app) forceUnlockCmd() *cobra.Command {
	return &cobra.Command{
		Use:   "force-unlock LOCK_ID",
		Short: "Remove the state lock of a stuck process (the id is in the lock error)",
		Args:  cobra.ExactArgs(1),
		RunE: func(c *cobra.Command, args []string) error {
			svc, err := a.stateService()
			if err != nil {
				return err
			}
			if err := svc.ForceUnlock(args[0]); err != nil {
				return err
			}
			fmt.Fprintln(a.stdout, "tokenscope state has been successfully unlocked!")
			return nil
		},
	}
}

// notInState is the error for an id the state does not hold: a local
// refusal (exit 2) of tokenscope's own, which --json prints on stdout as
// every other refusal is.
func notInState(id string) error {
	e := &model.Error{Type: model.TypeTokenscope, Code: model.CodeNotInState, Param: "id", Local: true,
		Message: fmt.Sprintf("%s is not in the state (see `tokenscope state list`; `tokenscope get %s` fetches it)", id, id)}
	e.Explain()
	return e
}
