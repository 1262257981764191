package common

import (
	"github.com/tokenscope/tokenscope/model"
	"github.com/tokenscope/tokenscope/views"
)

// maxToldServer bounds the distinct errors a program tells the server of.
const maxToldServer = 32

// tellServer passes err to OnGuestFault the first time the guest is shown
// it, when it is one the guest is told to ask the server's user about
// (views.AsksServerUser): that user learns of it from serve's log, not
// only from the guest. An error pane is drawn on every frame; it is told
// once.
func (pc *ProgramContext) tellServer(err error) {
	if pc.OnGuestFault == nil || !views.AsksServerUser(err) {
		return
	}
	text := views.Clean(model.MaskSecrets(err.Error()))
	if pc.toldServer[text] || len(pc.toldServer) >= maxToldServer {
		return
	}
	if pc.toldServer == nil {
		pc.toldServer = map[string]bool{}
	}
	pc.toldServer[text] = true
	code := model.LocalCodeOf(err)
	if _, ok := model.LockHolderOf(err); ok {
		code = model.CodeStateLocked
	}
	pc.OnGuestFault(code, text)
}
