package views

import (
	"bytes"
	"fmt"
	"io"
	"strings"
	"text/tabwriter"
	"unicode/utf8"

	"github.com/tokenscope/tokenscope/model"
)

// ApplyStep is one change's progress as Terraform prints it, "token.visa:
// Creating...", "token.visa: Creation complete after 0s [id=tok_…]", as
// a line of its kind: an error led by its glyph, a decline the test card
// was expected to make as a change. A decline with no object (a customer
// Stripe refused) shows its codes in place of the id.
func ApplyStep(e model.ApplyEvent) Line {
	addr, secs := e.Change.Address, int(e.Elapsed.Seconds())
	switch e.Kind {
	case model.ApplyCompleted:
		return Line{Lead: "  ", Text: fmt.Sprintf("%s: Creation complete after %ds [id=%s]", addr, secs, Clean(e.ID))}
	case model.ApplyDeclined:
		text := fmt.Sprintf("%s: Declined as expected after %ds [id=%s]: %s", addr, secs, Clean(e.ID), e.Codes)
		if e.ID == "" { // a refused customer is not made: the codes say what happened
			text = fmt.Sprintf("%s: Declined as expected after %ds [code=%s]", addr, secs, e.Codes)
		}
		return Line{Kind: Change, Lead: GlyphChange + " ", Text: text}
	case model.ApplyErrored:
		return Line{Kind: Failed, Lead: GlyphError + " ", Text: fmt.Sprintf("%s: Creation errored after %ds", addr, secs)}
	}
	return Line{Lead: "  ", Text: addr + ": Creating..."}
}

// ApplyOutcome is a row's use step in a few words, for the summary.
func ApplyOutcome(row model.ApplyRow) string {
	switch {
	case row.Err != nil && row.TokenID == "":
		return "create failed"
	case eventsUnmet(row):
		return JoinNonEmpty(row.Status, "(events missing)")
	case row.Err != nil && row.FailedAt != "" && row.Status != "":
		return row.Status + ", then " + row.FailedAt + " failed"
	case row.Err != nil && row.FailedAt != "":
		return row.FailedAt + " failed"
	case row.Err != nil:
		return "failed"
	case row.Use == "":
		return "-"
	case row.Unexpected != "":
		return row.Unexpected
	}
	return row.Status
}

// eventsUnmet: the row's use and steps were made, but not the events its
// expect_events names.
func eventsUnmet(row model.ApplyRow) bool {
	e, ok := model.AsError(row.Err)
	return ok && e.Code == model.CodeExpectedEventsMissing
}

// applyCodes are the row's decline codes, or its error's code.
func applyCodes(row model.ApplyRow) string {
	if row.Codes != "" {
		return row.Codes
	}
	if e, ok := model.AsError(row.Err); ok {
		return model.Outcome{Code: e.Code, DeclineCode: e.DeclineCode}.Codes()
	}
	return ""
}

// WriteApplySummary writes the summary table and, when every step
// succeeded, Terraform's closing line (ApplyClosing). The table has a
// column each for name, id, use, outcome and codes; when that is wider
// than width (0: no limit) it falls back to name and outcome with codes.
func WriteApplySummary(w io.Writer, r *model.ApplyResult, width int) error {
	var table bytes.Buffer
	tw := tabwriter.NewWriter(&table, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "NAME\tID\tUSE\tOUTCOME\tCODES")
	for _, row := range r.Rows {
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\n", row.Name, orDash(Clean(row.TokenID)), orDash(string(row.Use)), ApplyOutcome(row), orDash(Clean(applyCodes(row))))
	}
	tw.Flush()
	if width > 0 && widest(table.String()) > width {
		table.Reset()
		tw = tabwriter.NewWriter(&table, 0, 0, 2, ' ', 0)
		fmt.Fprintln(tw, "NAME\tOUTCOME")
		col := len("NAME")
		for _, row := range r.Rows {
			outcome := ApplyOutcome(row)
			if c := applyCodes(row); c != "" {
				outcome += ": " + Clean(c)
			}
			fmt.Fprintf(tw, "%s\t%s\n", row.Name, outcome)
			col = max(col, utf8.RuneCountInString(row.Name))
		}
		tw.Flush()
		// An outcome that still does not fit wraps under its column
		// rather than being cut: its decline code is the point.
		lines := strings.Split(strings.TrimSuffix(table.String(), "\n"), "\n")
		table.Reset()
		for _, l := range lines {
			table.WriteString(hangAt(l, col+2, width) + "\n")
		}
	}
	if len(r.Failed()) == 0 {
		closing := ApplyClosing(r)
		if width > 0 {
			closing = hangAt(closing, 0, width) // what changed since the plan is read whole
		}
		fmt.Fprintf(&table, "\n%s\n", closing)
	}
	_, err := table.WriteTo(w)
	return err
}

// hangAt wraps line at spaces to width runes, the lines after the first
// indented by col (the column the wrapped text starts in).
func hangAt(line string, col, width int) string {
	if utf8.RuneCountInString(line) <= width || col > width/2 {
		return line
	}
	head, rest := string([]rune(line)[:col]), string([]rune(line)[col:])
	var out []string
	cur := ""
	for _, w := range strings.Fields(rest) {
		if cur != "" && col+utf8.RuneCountInString(cur)+1+utf8.RuneCountInString(w) > width {
			out = append(out, cur)
			cur = ""
		}
		if cur != "" {
			cur += " "
		}
		cur += w
	}
	out = append(out, cur)
	return head + strings.Join(out, "\n"+strings.Repeat(" ", col))
}

func widest(text string) int {
	n := 0
	for _, line := range strings.Split(text, "\n") {
		n = max(n, utf8.RuneCountInString(line))
	}
	return n
}

// ApplyClosing is the apply's closing line: Terraform's "Apply complete!
// Resources: 2 added, 0 changed, 0 destroyed.", or how many tokens failed.
func ApplyClosing(r *model.ApplyResult) string {
	if failed := r.Failed(); len(failed) > 0 {
		unmet := 0
		for _, row := range failed {
			if eventsUnmet(row) {
				unmet++
			}
		}
		if unmet == len(failed) { // made and recorded: the next apply has nothing to retry
			return fmt.Sprintf("Apply failed: %d of %d tokens did not lead to the events they expect; what they made is recorded in the state.", unmet, len(r.Rows))
		}
		return fmt.Sprintf("Apply failed: %d of %d tokens errored; whatever succeeded is recorded in the state, and the next apply retries the failed ones.", len(failed), len(r.Rows))
	}
	add, change, destroy := r.Counts()
	return fmt.Sprintf("Apply complete! Resources: %d added, %d changed, %d destroyed.", add, change, destroy) + sincePlan(r)
}

// sincePlan says, after the counts, that the state changed between the
// plan a person approved and its apply, so fewer changes than the plan
// showed is not read as a silent failure: "0 added" of "33 to add".
func sincePlan(r *model.ApplyResult) string {
	done := r.DoneSincePlan
	if len(done) == 0 {
		return ""
	}
	add, change, _ := model.Plan{Changes: done}.Counts()
	first := Clean(done[0].Address)
	if len(done) > 1 {
		first += ", …"
	}
	return fmt.Sprintf(" The state changed since the plan: %d of what it showed (%s) was already made by another tokenscope, and not made again.", add+change, first)
}

// ApplyCancelled says what an apply cancelled part way (esc) did, short
// enough for a status line at 80 columns: how many of the plan's changes
// landed, which are in the state; the rest was not sent.
func ApplyCancelled(r *model.ApplyResult, total int) string {
	add, change, _ := r.Counts()
	return fmt.Sprintf("apply cancelled: %d of %d changes landed, in the state", add+change, total)
}

func orDash(s string) string {
	if s == "" {
		return "-"
	}
	return s
}
