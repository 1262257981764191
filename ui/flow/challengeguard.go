package flow

import (
	"time"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/tokenscope/tokenscope/ui/common"
)

// An a or f answers a 3D Secure challenge at once, with no plan (the
// customer's click on the bank's page), yet it moves money: one that came
// in one write with the keys that opened the screen offering it (`i pi_…
// enter a`), before the screen could be read, does not act, as a plan's
// enter does not (common.ProgramContext.Settled); the screen says why.

// challengeEarly is why the a or f of msg does not act, "" when it may:
// the screen offering it came on at shown.
func challengeEarly(pc *common.ProgramContext, shown time.Time, msg tea.Msg) string {
	if pc.Settled(shown) {
		return ""
	}
	k := "a"
	if keyIs(msg, pc.Keys.FailChallenge) {
		k = "f"
	}
	return k + " came with the keys that opened this screen, before it could be read: press " + k + " again to answer the 3D Secure challenge"
}
