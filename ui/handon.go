package ui

import (
	"fmt"
	"io"

	"github.com/aymanbagabas/go-osc52/v2"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/ansi"

	"github.com/tokenscope/tokenscope/service"
	"github.com/tokenscope/tokenscope/ui/common"
	"github.com/tokenscope/tokenscope/views"
)

// A guest of tokenscope serve has no shell on the server: a report (m)
// or an export (x) written into the server's state dir would be out of
// their reach, and its path of no use. For a guest they are handed on
// instead: copied to the guest's clipboard with OSC 52 and shown in the
// pager, where a guest whose terminal ignores OSC 52 can still read and
// select them. Nothing is written on the server.

// maxOSC52 is the most text copied with OSC 52, before base64: terminals
// drop or cut a longer sequence (xterm's and tmux's limits are of this
// order), and a clipboard silently holding half a report is worse than
// being told to select it.
const maxOSC52 = 64 << 10

// handedMsg is a report or an export handed to a guest: the pager shows
// text under title, and the status line says what became of the copy.
type handedMsg struct {
	title, text, status string
}

// handOn copies data (what: "report", "export") to the guest's clipboard
// through out, when it is small enough, and returns the message that
// shows it. It runs off the Update loop, as copyText does. data passes
// the guard a file handed on passes (service.CheckHandedOn).
func handOn(out io.Writer, what, title string, data []byte) tea.Msg {
	if err := service.CheckHandedOn(what+" not copied", data); err != nil {
		return copiedMsg{status: common.GlyphError + " " + err.Error(), err: true}
	}
	var status string
	switch {
	case len(data) > maxOSC52:
		status = fmt.Sprintf("%s not copied: %d KiB is more than a clipboard copy over the terminal carries (%d KiB); select it here", what, (len(data)+1023)>>10, maxOSC52>>10)
	case out == nil:
		status = what + " not copied: no terminal to write to; select it here"
	default:
		if _, err := osc52.New(string(data)).WriteTo(out); err != nil {
			status = what + " not copied: " + err.Error() + "; select it here"
		} else {
			status = what + " copied to your clipboard (OSC 52)"
		}
	}
	return handedMsg{title: title, text: views.CleanLines(string(data)), status: status + " · esc back"}
}

// showHanded opens what was handed on in the pager, wrapped to its width
// (a curl line is longer than any terminal), and says what became of
// the copy: opening the pager clears the status line.
func (a *App) showHanded(msg handedMsg) {
	a.openPager(msg.title, func(w int) string { return ansi.Wrap(msg.text, max(w, 1), "") })
	a.setStatus(msg.status)
}
