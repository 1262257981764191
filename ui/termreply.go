package ui

import (
	"strings"

	tea "github.com/charmbracelet/bubbletea"
)

// A terminal answers some queries on the keyboard's input: the colour
// query's reply comes late over a slow SSH link (after the renderer's
// wait), and any program may make a terminal send an OSC, DCS or APC
// string. bubbletea drops a CSI reply whole, but reads these as keys:
// ESC ] as alt+], then their text as runes (the r of rgb refreshed a
// token, / opened the filter), then BEL or ESC \. The shell drops such
// a string from its opening to its end, before any view sees a key.

// replyOpeners are the runes after ESC that open a control string:
// OSC, DCS, APC, PM, SOS.
const replyOpeners = "]P_^X"

// maxReply bounds the runes dropped as one reply: a real one is short,
// and a person's ESC ] typed in one read must not eat keys for long.
const maxReply = 512

// termReply is the control string being dropped.
type termReply struct {
	on  bool
	n   int  // runes dropped
	esc bool // an ESC came alone: the first half of ESC \ in two reads
}

// dropReply reports whether k is part of a terminal's reply. The text of
// a reply is printable; any other key (enter, an arrow, ctrl+c) ends it
// and is the user's.
func (a *App) dropReply(k tea.KeyMsg) bool {
	r := &a.reply
	if !r.on {
		if k.Alt && k.Type == tea.KeyRunes && len(k.Runes) == 1 && strings.ContainsRune(replyOpeners, k.Runes[0]) {
			*r = termReply{on: true}
			return true
		}
		return false
	}
	switch {
	case r.esc:
		r.on = false
		return k.Type == tea.KeyRunes && !k.Alt && string(k.Runes) == `\`
	case k.Type == tea.KeyCtrlG, k.Alt && k.Type == tea.KeyRunes && string(k.Runes) == `\`:
		r.on = false // BEL, or ST (ESC \) in one read
		return true
	case k.Type == tea.KeyEsc:
		r.esc = true
		return true
	case (k.Type == tea.KeyRunes || k.Type == tea.KeySpace) && !k.Alt && !k.Paste && r.n+len(k.Runes) <= maxReply:
		r.n += len(k.Runes)
		return true
	}
	r.on = false
	return false
}
