package cli

import (
	"io"

	"github.com/tokenscope/tokenscope/model"
	"github.com/tokenscope/tokenscope/views"
)

// writeToken describes a token as views.Token does for the TUI's detail
// too, in the CLI's flat layout.
func writeToken(w io.Writer, verb string, r model.Record) error {
	obj, err := model.DecodeFields(r.Raw)
	return views.NewToken(&r, obj, err).WriteText(w, verb)
}
