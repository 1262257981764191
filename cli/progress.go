package cli

import (
	"fmt"
	"io"
	"os"

	"github.com/charmbracelet/x/term"
)

// isTerminal reports whether w is a terminal (a file, not a pipe or buffer).
func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	return ok && term.IsTerminal(f.Fd())
}

// refreshProgress is refresh's progress callback and the func that ends it.
// A refresh of 1,000 tokens against Stripe takes about 50 s at 20 requests
// a second, so a person at a terminal sees "Refreshing 412/1000…" on
// stderr, rewritten in place and cleared before the report. Scripts (stderr
// not a terminal) and --json get nothing: their stderr stays for errors.
func (a *app) refreshProgress() (progress func(done, total int), end func()) {
	if a.json || !isTerminal(a.errTerm) {
		return nil, func() {}
	}
	return progressLine(a.errTerm) // only its own text, and escapes
}

// progressLine writes "\rRefreshing N/TOTAL…" to w on every call; end
// erases the line (carriage return, then erase to the end of the line).
func progressLine(w io.Writer) (progress func(done, total int), end func()) {
	wrote := false
	progress = func(done, total int) {
		wrote = true
		fmt.Fprintf(w, "\rRefreshing %d/%d…", done, total)
	}
	end = func() {
		if wrote {
			fmt.Fprint(w, "\r\x1b[K") // best effort, as the progress itself
		}
	}
	return progress, end
}
