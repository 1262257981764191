package service

import (
	"strings"

	"github.com/tokenscope/tokenscope/model"
)

// A scenario's capture step after an authorize use captures a charge,
// whose status says succeeded before its capture as after: its captured
// field says whether the step was done (by an apply killed before it
// recorded it).

func isCharge(id string) bool { return strings.HasPrefix(id, "ch_") }

// chargeCaptured: obj is a charge captured already.
func chargeCaptured(obj model.Object) bool {
	return isCharge(obj.ID) && obj.Fields().Get("captured") == "true"
}
