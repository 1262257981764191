package cli

import (
	"strings"

	"github.com/spf13/cobra"

	"github.com/tokenscope/tokenscope/model"
)

// disputeCmd shows a dispute (by its id, or its charge's) and answers it:
// evidence, or close.
func (a *app) disputeCmd() *cobra.Command {
	var evidence string
	var closeIt bool
	c := &cobra.Command{
		Use:   "dispute DU|CH [--evidence TEXT | --close]",
		Short: "Show a dispute (by its id or its charge's) and answer it with evidence, or close it",
		Long: `Show a dispute, given its id (du_…) or its charge's (ch_…), and answer it.
--evidence sends uncategorized_text: in test mode winning_evidence wins the
dispute and losing_evidence loses it (an inquiry closes either way); other
text leaves it under review. --close accepts the loss. The dispute test cards
(presets dispute_fraudulent, dispute_not_received, dispute_inquiry)
open one when charged.`,
		Example: `  tokenscope dispute ch_3Qx…
  tokenscope dispute du_1Qx… --evidence winning_evidence
  tokenscope dispute du_1Qx… --close`,
		Args: cobra.ExactArgs(1),
		RunE: func(c *cobra.Command, args []string) error {
			if fe := model.ValidateFreeText("evidence[uncategorized_text]", evidence); fe != nil {
				return fe
			}
			sess, err := a.session()
			if err != nil {
				return err
			}
			id := args[0]
			if !strings.HasPrefix(id, "du_") && !strings.HasPrefix(id, "dp_") {
				du, found, err := sess.DisputeOf(c.Context(), id)
				switch {
				case err != nil:
					return err
				case !found:
					return model.NoDispute(id)
				}
				if evidence == "" && !closeIt {
					return a.printObject(du, "")
				}
				id = du.ID
			}
			if evidence == "" && !closeIt {
				du, err := sess.Object(c.Context(), id)
				if err != nil {
					return err
				}
				return a.printObject(du, "")
			}
			du, err := sess.Answer(c.Context(), id, evidence, closeIt)
			if err != nil {
				return err
			}
			// Closing is not an answer: it accepts the loss.
			verb := "answered"
			if closeIt {
				verb = "closed"
			}
			return a.printObject(du, verb)
		},
	}
	c.Flags().StringVar(&evidence, "evidence", "", "submit this as evidence[uncategorized_text] ("+model.WinningEvidence+" or "+model.LosingEvidence+" in test mode)")
	c.Flags().BoolVar(&closeIt, "close", false, "close the dispute, accepting the loss")
	c.MarkFlagsMutuallyExclusive("evidence", "close")
	a.jsonFlag(c, "print the Dispute exactly as the API returned it")
	return c
}
