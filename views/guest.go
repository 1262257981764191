package views

import (
	"fmt"
	"strings"

	"github.com/tokenscope/tokenscope/model"
)

// What a guest of tokenscope serve is told in place of what only the
// server's own user could act on: a server path, a pid, a server user, a
// command to run on the server.

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
	return "the state is being written by " + LockHolderForGuest(h) + "; try again in a moment, or " + guestAsk
}

// ForGuest is e as a guest of tokenscope serve is shown it: a state lock
// held too long reads as LockedForGuest, not as the lock's info and the
// force-unlock the server's user would run; a fault of the server's files
// (a corrupt state, a full disk) as one to tell the server's user of, not
// by the paths and fixes only they can use.
func (e Error) ForGuest() Error {
	e.guest = true
	return e
}

// guestAsk is where a guest turns for what only the server's user can do.
const guestAsk = "ask whoever runs tokenscope serve"

// PendingNoteForGuest is PendingNote for a guest of tokenscope serve: the
// keys that send a request again, and whom to ask about one that cannot
// be, in place of commands to run on the server.
func PendingNoteForGuest(ps []model.Pending) string { return pendingNote(ps, true) }

// UnresolvedForGuest is what a guest is told of an interrupted request
// (summary: "create card visa •••• 4242") that was not sent again: the
// local user's steps are commands on the server and its Dashboard.
func UnresolvedForGuest(summary string) string {
	return Clean("an interrupted request (" + summary + ") was not sent again and may have made something the state lacks; " + guestAsk)
}

// AsksServerUser reports whether a guest of tokenscope serve shown err is
// told to ask whoever runs it (a fault of the server's files, the state
// lock held too long): that user then hears of it in serve's log.
func AsksServerUser(err error) bool {
	_, ok := NewError(err).ForGuest().forGuest()
	return ok
}

// serverFaults are the codes of failures of the server's own files: their
// messages name its paths, and only the server's user can fix them.
var serverFaults = map[string]bool{
	model.CodeStateCorrupt: true, model.CodeEmulatorCorrupt: true, model.CodeDirRefused: true,
	model.CodeLinkRefused: true, model.CodeDiskFull: true,
}

// forGuest is the guest's text in place of e's message, when e has one.
func (e Error) forGuest() (string, bool) {
	if !e.guest {
		return "", false
	}
	if h, ok := model.LockHolderOf(e.err); ok {
		return LockedForGuest(h), true
	}
	if e.Stripe == nil && serverFaults[model.LocalCodeOf(e.err)] {
		return "the server could not read or write its files for this session; " + guestAsk, true
	}
	return "", false
}
