package cli

import (
	"fmt"
	"io"
	"text/tabwriter"

	"github.com/tokenscope/tokenscope/model"
	"github.com/tokenscope/tokenscope/views"
)

// writeToken describes a token as views.Token does for the TUI's detail
// too, in the CLI's flat layout.
func writeToken(w io.Writer, verb string, r model.Record) error {
	obj, err := model.DecodeFields(r.Raw)
	return views.NewToken(&r, obj, err).WriteText(w, verb)
}

// fields prints name/value lines aligned, skipping empty values, so each
// printer lists what it knows without checking every field.
type fields struct {
	tw *tabwriter.Writer
}

func newFields(w io.Writer) fields {
	return fields{tw: tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)}
}

func (f fields) add(name, value string) {
	if value != "" {
		fmt.Fprintf(f.tw, "  %s\t%s\n", name, value)
	}
}

func (f fields) flush() error { return f.tw.Flush() }
