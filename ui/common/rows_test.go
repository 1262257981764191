package common

import (
	"io"
	"strings"
	"testing"

	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/x/ansi"

	"github.com/tokenscope/tokenscope/views"
)

// valueColumns is the cell where each row's value starts, by label.
func valueColumns(t *testing.T, out string, labels ...string) map[string]int {
	t.Helper()
	cols := map[string]int{}
	for _, line := range strings.Split(ansi.Strip(out), "\n") {
		for _, l := range labels {
			if strings.HasPrefix(line, "  "+l+" ") {
				rest := strings.TrimPrefix(line, "  "+l)
				cols[l] = 2 + len(l) + len(rest) - len(strings.TrimLeft(rest, " "))
			}
		}
	}
	return cols
}

// A PaymentIntent's labels are longer than the error pane's: the column
// grows to the longest label shown, so every value starts in one column
// (amount_capturable's used to start a cell past the others).
func TestRenderRowsSizesTheLabelColumn(t *testing.T) {
	st := NewStyles(lipgloss.NewRenderer(io.Discard))
	labels := []string{"status", "amount_capturable", "capture_method", "latest_charge"}
	var rows []views.Field
	for _, l := range labels {
		rows = append(rows, views.Field{Label: l, Value: "v_" + l})
	}
	rows = append(rows, views.Field{Label: "cancellation_reason_long", Value: ""}) // no value: no width
	cols := valueColumns(t, RenderRows(st, rows, 80), labels...)
	for _, l := range labels {
		if cols[l] != 2+len("amount_capturable")+1 {
			t.Errorf("%s's value starts at cell %d, want %d: %v", l, cols[l], 2+len("amount_capturable")+1, cols)
		}
	}
	// Short labels keep the error pane's column.
	short := valueColumns(t, RenderRows(st, rows[:1], 80), "status")
	if short["status"] != 2+labelWidth+1 {
		t.Errorf("status's value starts at cell %d, want %d", short["status"], 2+labelWidth+1)
	}
}

// A label wider than the column may be (a third of a narrow pane) has its
// line to itself: its value starts under the others', whole.
func TestRenderRowsLongLabelGetsItsOwnLine(t *testing.T) {
	st := NewStyles(lipgloss.NewRenderer(io.Discard))
	out := ansi.Strip(RenderRows(st, []views.Field{
		{Label: "status", Value: "requires_capture"},
		{Label: "last_error_message", Value: "Your card has insufficient funds."},
	}, 45))
	lines := strings.Split(out, "\n")
	want := []string{
		"  status          requires_capture", // the column: a third of 45 cells
		"  last_error_message",
		"                  Your card has insufficient",
		"                  funds.",
	}
	if strings.Join(lines, "\n") != strings.Join(want, "\n") {
		t.Errorf("got\n%s\nwant\n%s", out, strings.Join(want, "\n"))
	}
}
