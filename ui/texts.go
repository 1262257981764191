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

// indentJSON is the raw API object, indented, as the J view shows it.
func indentJSON(raw []byte) string {
	var b bytes.Buffer
	if err := json.Indent(&b, raw, "", "  "); err != nil {
		return views.Clean(string(raw))
	}
	return b.String()
}

// logText is the request log: one line per request (time, method, path,
// status, request id, latency, idempotency key) and the redacted body
// wrapped under it.
func (a *App) logText(width int) string {
	if a.pc.Session == nil {
		return "no requests yet"
	}
	entries := a.pc.Session.Requests()
	if len(entries) == 0 {
		return a.st.Muted.Render("no requests yet: every call to the API shows here, secrets masked")
	}
	var b strings.Builder
	for _, e := range entries {
		status := fmt.Sprint(e.Status)
		if e.Status == 0 {
			status = "---"
		}
		if e.Status >= 400 || e.Err != "" {
			status = a.st.Error.Render(common.GlyphError + status)
		}
		fmt.Fprintf(&b, "%s  %-4s %s  %s  %s  %dms", e.Time.UTC().Format("15:04:05"), e.Method, e.Path, status,
			orDash(e.RequestID), e.Latency.Milliseconds())
		if e.IdempotencyKey != "" {
			fmt.Fprintf(&b, "  idem %s", e.IdempotencyKey)
			if e.Replayed {
				b.WriteString(" (replayed)")
			}
		}
		b.WriteString("\n")
		for _, s := range []string{e.Body, e.Err} {
			if s != "" {
				b.WriteString(indent(ansi.Hardwrap(views.Clean(s), max(width-4, 10), false), "    ") + "\n")
			}
		}
	}
	return strings.TrimSuffix(b.String(), "\n")
}

// reportText is the refresh-all pane: a progress bar while it runs, then
// the drift report with its ~ and - lines in colour.
func (a *App) reportText(run *refreshRun, _ int) string {
	if !run.finished {
		pct := 0.0
		if run.total > 0 {
			pct = float64(run.done) / float64(run.total)
		}
		return fmt.Sprintf("%s\n%d of %d tokens", a.bar.ViewAs(pct), run.done, run.total)
	}
	return strings.Join(common.StyleLines(a.st, views.RefreshLines(run.report), 0), "\n")
}

func indent(s, by string) string {
	return by + strings.ReplaceAll(s, "\n", "\n"+by)
}

func orDash(s string) string {
	if s == "" {
		return "-"
	}
	return s
}
