package emulator

import (
	"slices"
	"strings"

	"github.com/tokenscope/tokenscope/model"
)

// intentChanges reports whether an update of an intent (object, "PaymentIntent"
// or "SetupIntent", in status) sets any of params, the parameters Stripe
// takes only while the intent is in one of the updatable statuses; in
// another status it refuses the first one set, with Stripe's message and
// code. A parameter is set by name or by any of its nested keys.
func intentChanges(c *call, code, object, status string, updatable, params []string) (bool, *model.Error) {
	changes := false
	for _, p := range params {
		if !c.params.Has(p) && !c.params.has(p+"[") {
			continue
		}
		if !slices.Contains(updatable, status) {
			return false, invalid(code, p, "This "+object+"'s "+p+" could not be updated because it has a status of "+
				status+". You may only update the "+p+" of a "+object+" with one of the following statuses: "+strings.Join(updatable, ", ")+".")
		}
		changes = true
	}
	return changes, nil
}
