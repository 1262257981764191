package service

import (
	"github.com/tokenscope/tokenscope/model"
	"github.com/tokenscope/tokenscope/model/state"
)

// madeSincePlan finds the token made for a block's key after its plan
// was made: an apply killed between a create's answer and the state write
// leaves a pending create for the block, which the plan cannot see (the
// state links no token to the key), and the next write sends it again
// and links what it made to the key (replayOne). Making another would
// leave that one unused beside it, so the apply takes it. A token the
// plan saw linked (replaces: the one a replacement stands in for) is not
// taken, nor one that is used, gone, or of another kind or preset than
// the block's request.
func madeSincePlan(w *state.Workspace, req model.TokenRequest, key, replaces string) (model.Record, bool) {
	id, ok := w.Scenarios[key]
	if !ok || id == replaces {
		return model.Record{}, false
	}
	rec, ok := w.Find(id)
	if !ok || rec.Used || rec.Gone || len(rec.Uses) > 0 || rec.Scenario != key || rec.Type != req.Kind || rec.Preset != req.Preset {
		return model.Record{}, false
	}
	return rec, true
}
