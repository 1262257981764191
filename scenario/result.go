package scenario

import (
	"bytes"
	"fmt"
	"io"
	"strings"
	"text/tabwriter"
	"unicode/utf8"

	"github.com/tokenscope/tokenscope/model"
)

// StatusExpectedDecline is a use step's status when it declined as the
// catalog says its test card does.
const StatusExpectedDecline = "declined as expected"

// Result is what an apply did, one row per token in the plan's order.
type Result struct {
	Rows []Row
}

// Row is one token of an apply: its id, and how its use step went.
type Row struct {
	Name    string
	TokenID string        // "" when the create failed
	Use     model.UseKind // "" without a use step (or when it never ran)
	// ObjectID is the customer or charge the use made (a failed charge too).
	ObjectID string
	// Status is the use's status (succeeded, attached, pending) or
	// StatusExpectedDecline.
	Status string
	// Codes are the decline's codes: "card_declined / insufficient_funds".
	Codes string
	// Err is the step's failure; the token, if made, stays in the state.
	Err error

	applied []model.Change
}

// Failed returns the rows whose step failed.
func (r *Result) Failed() []Row {
	var failed []Row
	for _, row := range r.Rows {
		if row.Err != nil {
			failed = append(failed, row)
		}
	}
	return failed
}

// Counts are the changes made, counted as the plan counts them.
func (r *Result) Counts() (add, change, destroy int) {
	var p model.Plan
	for _, row := range r.Rows {
		p.Changes = append(p.Changes, row.applied...)
	}
	return p.Counts()
}

// Outcome is the row's use step in a few words, for the summary.
func (row Row) Outcome() string {
	switch {
	case row.Err != nil && row.TokenID == "":
		return "create failed"
	case row.Err != nil:
		return "failed"
	case row.Use == "":
		return "-"
	}
	return row.Status
}

// codes are the row's decline codes, or its error's code.
func (row Row) codes() string {
	if row.Codes != "" {
		return row.Codes
	}
	if e, ok := model.AsError(row.Err); ok {
		return model.Outcome{Code: e.Code, DeclineCode: e.DeclineCode}.Codes()
	}
	return ""
}

// Render writes the summary table and, when every step succeeded,
// Terraform's closing line "Apply complete! Resources: ...". The table has
// a column each for name, id, use, outcome and codes; when that is wider
// than width (0: no limit) it falls back to name and outcome with codes.
func (r *Result) Render(w io.Writer, width int) {
	var table bytes.Buffer
	tw := tabwriter.NewWriter(&table, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "NAME\tID\tUSE\tOUTCOME\tCODES")
	for _, row := range r.Rows {
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\n", row.Name, orDash(row.TokenID), orDash(string(row.Use)), row.Outcome(), orDash(row.codes()))
	}
	tw.Flush()
	if width > 0 && widest(table.String()) > width {
		table.Reset()
		tw = tabwriter.NewWriter(&table, 0, 0, 2, ' ', 0)
		fmt.Fprintln(tw, "NAME\tOUTCOME")
		for _, row := range r.Rows {
			outcome := row.Outcome()
			if c := row.codes(); c != "" {
				outcome += ": " + c
			}
			fmt.Fprintf(tw, "%s\t%s\n", row.Name, outcome)
		}
		tw.Flush()
	}
	_, _ = table.WriteTo(w)
	if len(r.Failed()) == 0 {
		fmt.Fprintf(w, "\n%s\n", r.Summary())
	}
}

func widest(text string) int {
	n := 0
	for _, line := range strings.Split(text, "\n") {
		n = max(n, utf8.RuneCountInString(line))
	}
	return n
}

// Summary is the apply's closing line: Terraform's "Apply complete!
// Resources: 2 added, 0 changed, 0 destroyed.", or how many tokens failed.
func (r *Result) Summary() string {
	if failed := len(r.Failed()); failed > 0 {
		return fmt.Sprintf("Apply failed: %d of %d tokens errored; whatever succeeded is recorded in the state, and the next apply retries the failed ones.", failed, len(r.Rows))
	}
	add, change, destroy := r.Counts()
	return fmt.Sprintf("Apply complete! Resources: %d added, %d changed, %d destroyed.", add, change, destroy)
}

func orDash(s string) string {
	if s == "" {
		return "-"
	}
	return s
}
