package views

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"regexp"
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
// messages name its paths, and only the server's user can fix them. The
// offline emulator answers one as Stripe's api_error with the code.
var serverFaults = map[string]bool{
	model.CodeStateCorrupt: true, model.CodeEmulatorCorrupt: true, model.CodeDirRefused: true,
	model.CodeLinkRefused: true, model.CodeDiskFull: true, model.CodeStateUnwritable: true,
}

// forGuest is the guest's text in place of e's message, why and next,
// when e has one: a lock held too long, a fault of the server's files
// (by its code), or a failure of the server's system (an OS error: what
// it did and why it failed, its path left out).
func (e Error) forGuest() (string, bool) {
	if !e.guest {
		return "", false
	}
	if h, ok := model.LockHolderOf(e.err); ok {
		return LockedForGuest(h), true
	}
	code := model.LocalCodeOf(e.err)
	if e.Stripe != nil && e.Stripe.Type == model.TypeAPIError {
		code = e.Stripe.Code
	}
	if serverFaults[code] {
		return "the server could not read or write its files for this session; " + guestAsk, true
	}
	if model.OSFault(e.err) {
		return withoutPaths(e.err.Error(), e.err) + "; " + guestAsk, true
	}
	return "", false
}

// guestSteps are an error's why and next as a guest of tokenscope serve
// can act on them: an object the guest's emulator lacks was made by
// another SSH key's session (each key has its own emulator), not with
// another --state-dir; a next step that is a command or a flag, which a
// guest cannot run, gives way to whom to ask.
func guestSteps(s *model.Error, why, next string) (string, string) {
	if s.Code == "resource_missing" && strings.Contains(why, "state dir") {
		return "this session's emulator has no such object: each SSH key of tokenscope serve has its own, so it was made in another key's session (or on another backend)",
			"use an id made in this session: the list, or the outcome of a use"
	}
	if strings.Contains(next, "tokenscope ") || strings.Contains(next, "--") {
		next = guestAsk
	}
	return why, next
}

// guestText is msg, a text of e's, as a guest reads it: a text the server
// made (e has no Stripe shape, or is an api_error or a connection's
// failure, whose message is the server's error's text) without the
// server's paths; Stripe's answers as they are.
func (e Error) guestText(msg string) string {
	if !e.guest || e.Stripe != nil && e.Stripe.Type != model.TypeAPIError && e.Stripe.Type != model.TypeConnection {
		return msg
	}
	return withoutPaths(msg, e.err)
}

// onServer stands in a guest's text for a path of the server's.
const onServer = "(a path on the server)"

// absPath is an absolute path, or one under ~, as error texts write
// them: after a space, a quote, a bracket, = or the start, up to a
// space, a quote, a bracket, a comma or the colon before what failed.
var absPath = regexp.MustCompile(`(^|[\s"'(\[=,])~?/[^\s"',:)\]]+`)

// withoutPaths is text with the server's paths in it left out: those of
// the OS errors in err's chain (a relative one too), then any absolute
// one. A URL's path is no file's and stays.
func withoutPaths(text string, err error) string {
	var pe *fs.PathError
	if errors.As(err, &pe) && pe.Path != "" {
		text = strings.ReplaceAll(text, pe.Path, onServer)
	}
	var le *os.LinkError
	if errors.As(err, &le) {
		for _, p := range []string{le.Old, le.New} {
			if p != "" {
				text = strings.ReplaceAll(text, p, onServer)
			}
		}
	}
	return absPath.ReplaceAllString(text, "${1}"+onServer)
}
