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

// usedSincePlan finds the use of the request recorded on its token after
// the plan was made: the plan runs a use step only on a token it saw
// unused (or one the apply just made), so a use of the same kind and
// amount on it now is the one a pending use, left by an apply killed
// between the use's answer and the state write, recorded when the next
// write sent it again. Sending the use once more would be refused as
// token_already_used.
func usedSincePlan(w *state.Workspace, req model.UseRequest) (model.Use, model.Record, bool) {
	rec, ok := w.Find(req.TokenID)
	if !ok {
		return model.Use{}, model.Record{}, false
	}
	for _, u := range rec.Uses {
		if u.Kind == req.Kind && u.Amount == req.Amount {
			return u, rec, true
		}
	}
	return model.Use{}, model.Record{}, false
}

// recordedRefusal is the refusal a recorded use got (nil when it
// succeeded), as the API answered it: a decline is a card_error of 402.
func recordedRefusal(u model.Use) error {
	if u.Code == "" {
		return nil
	}
	e := &model.Error{Type: model.TypeInvalidRequest, Code: u.Code, DeclineCode: u.DeclineCode, RequestID: u.RequestID, HTTPStatus: 400}
	if u.DeclineCode != "" || u.ObjectID != "" {
		e.Type, e.Charge, e.HTTPStatus = model.TypeCardError, u.ObjectID, 402
	}
	e.Explain()
	return e
}
