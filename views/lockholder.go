package views

import (
	"fmt"

	"github.com/tokenscope/tokenscope/model"
)

// LockHolder says who holds the state lock in a few words: "alice@host
// (pid 4242, create since 15:02:11 UTC)"; "another process" when nothing
// is known of it.
func LockHolder(h model.LockHolder) string {
	if h.Who == "" {
		return "another process"
	}
	return Clean(fmt.Sprintf("%s (pid %d, %s since %s)", h.Who, h.PID, h.Operation, h.Since.UTC().Format("15:04:05 UTC")))
}
