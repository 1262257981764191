package views

import (
	"fmt"
	"strings"

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

// LockHolderForGuest is LockHolder for a guest of tokenscope serve, who
// can neither ask the server's user nor signal its process: what is
// being done and since when, "another session (apply, since 12:03:04
// UTC)". The operation is its verb alone: "apply FILE" names a file on
// the server.
func LockHolderForGuest(h model.LockHolder) string {
	op, _, _ := strings.Cut(strings.TrimSpace(h.Operation), " ")
	switch {
	case op != "" && !h.Since.IsZero():
		return Clean(fmt.Sprintf("another session (%s, since %s)", op, h.Since.UTC().Format("15:04:05 UTC")))
	case op != "":
		return Clean("another session (" + op + ")")
	}
	return "another session"
}

// LockedForGuest is what a guest of tokenscope serve is told when the
// state lock stayed held for the whole lock timeout (model.LockHolderOf):
// what they can do, with no path, pid, server user or force-unlock,
// which only the server's own user could use.
func LockedForGuest(h model.LockHolder) string {
	return "the state is being written by " + LockHolderForGuest(h) + "; try again in a moment, or ask whoever runs tokenscope serve"
}

// ForGuest is e as a guest of tokenscope serve is shown it: a state lock
// held too long reads as LockedForGuest, not as the lock's info and the
// force-unlock the server's user would run.
func (e Error) ForGuest() Error {
	e.guest = true
	return e
}

// forGuest is the guest's text in place of e's message, when e has one.
func (e Error) forGuest() (string, bool) {
	if !e.guest {
		return "", false
	}
	if h, ok := model.LockHolderOf(e.err); ok {
		return LockedForGuest(h), true
	}
	return "", false
}
