package views

import (
	"fmt"

	"github.com/tokenscope/tokenscope/model"
)

// PendingNote is the one line that says the state holds requests a
// killed (or interrupted) tokenscope sent without recording the answer:
// how many the next write sends again with their Idempotency-Key, and how
// many need the user. "" when there are none. The TUI shows it in its
// status line, headless commands on stderr.
func PendingNote(ps []model.Pending) string { return pendingNote(ps, false) }

// pendingNote is PendingNote, or for a guest of tokenscope serve
// (PendingNoteForGuest) with the TUI's keys and the server's user in
// place of the commands only a shell on the server could run.
func pendingNote(ps []model.Pending, guest bool) string {
	var waiting, unresolved int
	for _, p := range ps {
		if p.Unresolved != "" {
			unresolved++
		} else {
			waiting++
		}
	}
	var note string
	if waiting > 0 {
		by := "the next write (or tokenscope refresh)"
		if guest {
			by = "the next write (n, u or R)"
		}
		note = fmt.Sprintf("%s waiting to be sent again with its Idempotency-Key by %s, which records what it made", plural(waiting, "interrupted request"), by)
	}
	if unresolved > 0 {
		if note != "" {
			note += "; "
		}
		next := "tokenscope list names it, tokenscope state rm KEY forgets it once checked"
		if guest {
			next = guestAsk
		}
		note += fmt.Sprintf("%s could not be sent again and may have made something the state lacks: %s", plural(unresolved, "interrupted request"), next)
	}
	return note
}

func plural(n int, what string) string {
	if n == 1 {
		return "1 " + what
	}
	return fmt.Sprintf("%d %ss", n, what)
}
