package ui

import (
	"bytes"
	"encoding/json"
	"fmt"
	"strings"

	"github.com/charmbracelet/x/ansi"

	"github.com/tokenscope/tokenscope/ui/common"
	"github.com/tokenscope/tokenscope/views"
)

// openJSON shows raw, the object id as the API returned it, in the
// pager (J).
func (a *App) openJSON(id string, raw []byte) {
	a.openPager("JSON "+id+" (the API object as returned)", func(int) string { return indentJSON(raw) })
}

// indentJSON is the raw API object, indented, as the J view shows it.
func indentJSON(raw []byte) string {
	var b bytes.Buffer
	if err := json.Indent(&b, raw, "", "  "); err != nil {
		return views.Clean(string(raw))
	}
	return b.String()
}

// logText is the request log, oldest first: per request a line of time,
// method and path, status, latency, request id and idempotency key, then
// the redacted body and any error under it. Nothing is cut: a request id
// quoted to Stripe must be the real one, so fields that do not fit go on
// to the next line, and bodies wrap between parameters.
func (a *App) logText(width int) string {
	if a.pc.Session == nil {
		return "no requests yet"
	}
	entries := a.pc.Session.Requests()
	if len(entries) == 0 {
		return a.st.Muted.Render("no requests yet: every call to the API shows here, secrets masked")
	}
	const in = "    "
	var lines []string
	a.reqlog.clamp(len(entries))
	for i, e := range entries {
		status := fmt.Sprint(e.Status)
		if e.Status == 0 {
			status = "---"
		}
		if e.Status >= 400 || e.Err != "" {
			status = a.st.Error.Render(common.GlyphError + status)
		}
		fields := []string{
			a.reqlog.mark(i, e) + e.Time.UTC().Format("15:04:05"),
			fmt.Sprintf("%-4s %s", e.Method, views.Clean(e.Path)),
			status,
			fmt.Sprintf("%dms", e.Latency.Milliseconds()),
			orDash(views.Clean(e.RequestID)),
		}
		if e.IdempotencyKey != "" {
			idem := "idem " + views.Clean(e.IdempotencyKey)
			if e.Replayed {
				idem += " (replayed)"
			}
			fields = append(fields, idem)
		}
		a.reqlog.at(i, len(lines))
		lines = append(lines, packFields(fields, width, in)...)
		for _, s := range []string{e.Body, e.Err} {
			for _, l := range wrapBody(views.Clean(s), max(width-len(in), 10)) {
				lines = append(lines, in+l)
			}
		}
		lines = append(lines, a.reqlog.response(i, e, width, in)...)
	}
	return strings.Join(a.reqlog.padToEntry(lines, a.pager.vp.Height), "\n")
}

// packFields lays fields two spaces apart in lines of width cells, the
// lines after the first indented; a field is never cut: one wider than a
// line is wrapped onto the next.
func packFields(fields []string, width int, indent string) []string {
	var lines []string
	line := ""
	for _, f := range fields {
		switch {
		case line == "":
			line = f
		case ansi.StringWidth(line)+2+ansi.StringWidth(f) <= width:
			line += "  " + f
		default:
			lines = append(lines, line)
			line = indent + f
		}
		if ansi.StringWidth(line) > width {
			parts := breakLong(line, width, indent)
			lines = append(lines, parts[:len(parts)-1]...)
			line = parts[len(parts)-1]
		}
	}
	return append(lines, line)
}

// breakLong splits a line wider than width into lines of width cells,
// those after the first indented.
func breakLong(line string, width int, indent string) []string {
	width = max(width, len(indent)+1)
	out := []string{ansi.Truncate(line, width, "")}
	rest := ansi.TruncateLeft(line, width, "")
	for _, p := range strings.Split(ansi.Hardwrap(rest, width-len(indent), false), "\n") {
		out = append(out, indent+p)
	}
	return out
}

// wrapBody wraps a form-encoded body between its parameters (after each
// &), and a parameter wider than a line at its spaces, so "card[name]=
// Jenny Rosen" is not torn mid-word.
func wrapBody(s string, width int) []string {
	if s == "" {
		return nil
	}
	var lines []string
	line := ""
	for _, p := range strings.SplitAfter(s, "&") {
		if line != "" && ansi.StringWidth(line)+ansi.StringWidth(p) > width {
			lines = append(lines, line)
			line = ""
		}
		line += p
		if ansi.StringWidth(line) > width {
			parts := strings.Split(common.Wrap(line, width), "\n")
			lines = append(lines, parts[:len(parts)-1]...)
			line = parts[len(parts)-1]
		}
	}
	return append(lines, line)
}

// reportText is the refresh-all pane: a progress bar while it runs, then
// the drift report with its ~ and - lines in colour, each fitted to width
// with "…" where it is cut (the pager cut it silently: a fingerprint of 16
// characters read as a whole one of 6), the ids kept whole.
func (a *App) reportText(run *refreshRun, width int) string {
	if !run.finished {
		pct := 0.0
		if run.total > 0 {
			pct = float64(run.done) / float64(run.total)
		}
		return fmt.Sprintf("%s\n%d of %d tokens", a.bar.ViewAs(pct), run.done, run.total)
	}
	lines := views.RefreshLines(run.report)
	for i, l := range lines {
		if width > 0 {
			lines[i].Text = common.FitIDs(l.Text, width-ansi.StringWidth(l.Lead))
		}
	}
	return strings.Join(common.StyleLines(a.st, lines, 0), "\n")
}

func orDash(s string) string {
	if s == "" {
		return "-"
	}
	return s
}
