package scenario

import (
	"io"

	"github.com/hashicorp/hcl/v2"
)

// WriteDiagnostics prints diags as HCL does, the summary led by its place
// in compiler style ("Error: scenario.hcl:3,5-10: Unsupported argument", for
// editors and grep) and followed by the offending line. Snippets come from
// the masked source, so a card number never reaches the terminal. width 0
// means no wrapping.
func (f *File) WriteDiagnostics(w io.Writer, diags hcl.Diagnostics, width uint, color bool) error {
	files := map[string]*hcl.File{}
	if f != nil && f.masked != nil {
		files[f.Name] = &hcl.File{Bytes: f.masked}
	}
	located := make(hcl.Diagnostics, len(diags))
	for i, d := range diags {
		c := *d
		c.Summary = Located(d)
		located[i] = &c
	}
	return hcl.NewDiagnosticTextWriter(w, files, width, color).WriteDiagnostics(located)
}

// Located is a diagnostic's summary after its place: "scenario.hcl:3,5-10:
// Unsupported argument", or the summary alone when it has no place.
func Located(d *hcl.Diagnostic) string {
	if d.Subject == nil {
		return d.Summary
	}
	return d.Subject.String() + ": " + d.Summary
}
