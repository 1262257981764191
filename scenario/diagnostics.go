package scenario

import (
	"bytes"
	"fmt"
	"io"

	"github.com/hashicorp/hcl/v2"
	"github.com/mitchellh/go-wordwrap"

	"github.com/tokenscope/tokenscope/model"
)

// MaxDiagnostics is how many diagnostics are shown of a file; the rest are
// counted in one more ("and 1950 more errors"). Fixing the first fifty
// usually fixes many of the others, and a file of 2,000 broken blocks
// should not print 2,000 snippets.
const MaxDiagnostics = 50

// Shown is diags as they are shown: the first MaxDiagnostics, then, if
// there were more, one diagnostic that counts them.
func Shown(diags hcl.Diagnostics) hcl.Diagnostics {
	if len(diags) <= MaxDiagnostics {
		return diags
	}
	more := diags[MaxDiagnostics:]
	errs := len(more.Errs())
	out := append(diags[:MaxDiagnostics:MaxDiagnostics], &hcl.Diagnostic{
		Severity: hcl.DiagError,
		Summary:  fmt.Sprintf("and %d more", len(more)),
		Detail:   fmt.Sprintf("%d more diagnostics (%d of them errors) are not shown; fix the ones above first.", len(more), errs),
	})
	if errs == 0 {
		out[len(out)-1].Severity = hcl.DiagWarning
	}
	return out
}

// WriteDiagnostics prints diags as HCL does, the summary led by its place
// in compiler style ("Error: scenario.hcl:3,5-10: Unsupported argument", for
// editors and grep) and followed by the offending lines. Only the first
// MaxDiagnostics are printed (Shown). Snippets come from the masked source
// and the rest is masked too (model.MaskSecrets: HCL's messages quote
// names), so no secret reaches the terminal, and so is every control
// character but newlines and tabs (model.PrintableLines). width 0 means no
// wrapping.
//
// HCL's own writer scans the file from its start for every diagnostic,
// which made 2,000 broken blocks take 40 s; here the file's lines are
// indexed once.
func (f *File) WriteDiagnostics(w io.Writer, diags hcl.Diagnostics, width uint) error {
	var lines [][]byte
	if f != nil && f.masked != nil {
		lines = bytes.Split(f.masked, []byte("\n"))
	}
	var b bytes.Buffer
	for _, d := range Shown(diags) {
		severity := "Error"
		if d.Severity == hcl.DiagWarning {
			severity = "Warning"
		}
		fmt.Fprintf(&b, "%s: %s\n\n", severity, model.MaskSecrets(Located(d)))
		if d.Subject != nil {
			writeSnippet(&b, d, lines)
		}
		if d.Detail != "" {
			detail := model.MaskSecrets(d.Detail)
			if width != 0 {
				detail = wordwrap.WrapString(detail, width)
			}
			fmt.Fprintf(&b, "%s\n\n", detail)
		}
		// The snippet is the file's own text, and the detail may quote it
		// or its path: no escape in them reaches the terminal.
		if _, err := io.WriteString(w, model.PrintableLines(b.String())); err != nil {
			return err
		}
		b.Reset()
	}
	return nil
}

// maxSnippet bounds a snippet line: a long line is cut to this many bytes
// around the place the diagnostic points at.
const maxSnippet = 240

// writeSnippet writes "  on FILE line N:" and the lines d points at (its
// subject, with its context when it has one).
func writeSnippet(b *bytes.Buffer, d *hcl.Diagnostic, lines [][]byte) {
	rng := *d.Subject
	if d.Context != nil {
		rng = hcl.RangeOver(rng, *d.Context)
	}
	if lines == nil {
		fmt.Fprintf(b, "  on %s line %d:\n  (source code not available)\n\n", d.Subject.Filename, d.Subject.Start.Line)
		return
	}
	fmt.Fprintf(b, "  on %s line %d:\n", d.Subject.Filename, d.Subject.Start.Line)
	last := rng.End.Line
	if last > rng.Start.Line && rng.End.Column == 1 {
		last-- // a range that ends where a line starts does not show it
	}
	for n := max(rng.Start.Line, 1); n <= last && n <= len(lines); n++ {
		line := bytes.TrimSuffix(lines[n-1], []byte("\r"))
		if len(line) > maxSnippet {
			col := 0
			if n == d.Subject.Start.Line {
				col = d.Subject.Start.Column - 1
			}
			from := min(max(col-maxSnippet/2, 0), len(line)-maxSnippet)
			cut := append([]byte(nil), line[from:from+maxSnippet]...)
			if from > 0 {
				cut = append([]byte("…"), cut...)
			}
			if from+maxSnippet < len(line) {
				cut = append(cut, "…"...)
			}
			line = cut
		}
		fmt.Fprintf(b, "%4d: %s\n", n, line)
	}
	b.WriteByte('\n')
}

// Located is a diagnostic's summary after its place: "scenario.hcl:3,5-10:
// Unsupported argument", or the summary alone when it has no place.
func Located(d *hcl.Diagnostic) string {
	if d.Subject == nil {
		return d.Summary
	}
	return d.Subject.String() + ": " + d.Summary
}

// DiagnosticsError is a file refused after it was read, by checks that
// need the session (CheckExpectEvents): its diagnostics, to show as a
// file's are shown.
type DiagnosticsError struct {
	File  *File
	Diags hcl.Diagnostics
}

func (e *DiagnosticsError) Error() string { return e.Diags.Error() }
