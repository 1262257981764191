package views

import (
	"encoding/json"
	"slices"

	"github.com/tokenscope/tokenscope/model"
)

// intentErrors finds the errors a story's PaymentIntents and SetupIntents
// were left with (last_payment_error, last_setup_error) that no refusal
// told: a failed 3D Secure challenge, a decline once it was completed.
// Those come in an answer that succeeded (the challenge's, a read of the
// intent), so the report would otherwise say there was no error. Each is
// told once: the same error read again adds nothing, and a decline whose
// charge a refusal already told is that refusal.
type intentErrors struct {
	steps []model.Use       // the token's recorded steps
	left  map[string]string // intent id -> the error it was last seen with
	told  map[string]bool   // charges whose decline is told
}

func newIntentErrors(steps []model.Use) *intentErrors {
	return &intentErrors{steps: steps, left: map[string]string{}, told: map[string]bool{}}
}

// errorKey tells two sightings of one error apart from two errors.
func errorKey(e *model.Error) string {
	return e.Code + " " + e.DeclineCode + " " + e.Charge + " " + e.Message
}

// refused notes a refusal the report tells (x, the error of request e):
// its charge, and the intent its body names.
func (ie *intentErrors) refused(e model.LoggedRequest, x *model.Error) {
	if x.Charge != "" {
		ie.told[x.Charge] = true
	}
	var body struct {
		Error struct {
			PaymentIntent struct{ ID string } `json:"payment_intent"`
			SetupIntent   struct{ ID string } `json:"setup_intent"`
		} `json:"error"`
	}
	if json.Unmarshal([]byte(e.Response), &body) != nil {
		return
	}
	for _, id := range []string{body.Error.PaymentIntent.ID, body.Error.SetupIntent.ID} {
		if id != "" {
			ie.left[id] = errorKey(x)
		}
	}
}

// answered is the error an answer that succeeded shows its intent left
// with, explained, when no earlier sighting told it; nil otherwise. A
// decline after a challenge the token's steps record as completed is
// explained as the CLI's authenticate explains it.
func (ie *intentErrors) answered(e model.LoggedRequest) *model.Error {
	if e.Status >= 400 || e.Err != "" {
		return nil
	}
	f, err := model.DecodeFields([]byte(e.Response))
	if err != nil || (f.Get("object") != "payment_intent" && f.Get("object") != string(model.KindSetupIntent)) {
		return nil
	}
	id, x := f.Get("id"), model.PaymentError(f)
	if x == nil {
		delete(ie.left, id) // moved on: a later error is a new one
		return nil
	}
	key, seen := errorKey(x), ie.left[id]
	ie.left[id] = key
	if seen == key || ie.told[x.Charge] {
		return nil
	}
	if x.Charge != "" {
		ie.told[x.Charge] = true
	}
	x.RequestID = e.RequestID
	if slices.ContainsFunc(ie.steps, func(u model.Use) bool {
		return u.Kind == model.StepAuthenticate && u.ObjectID == id && !u.Fail && u.Code == x.Code
	}) {
		x.ExplainAfterAuthentication()
	}
	return x
}

// unloggedSteps are the errors the token's recorded steps met (a failed
// 3D Secure challenge, a decline after it) whose answer the log no
// longer holds: what the state recorded of them, explained as answered
// explains them.
func unloggedSteps(steps []model.Use, logged []model.LoggedRequest, token model.Fields) []ReportError {
	var out []ReportError
	for _, u := range steps {
		if u.Code == "" || slices.ContainsFunc(logged, func(e model.LoggedRequest) bool { return e.RequestID == u.RequestID }) {
			continue
		}
		x := &model.Error{Code: u.Code, DeclineCode: u.DeclineCode, RequestID: u.RequestID}
		if u.DeclineCode != "" {
			x.Type = model.TypeCardError
		}
		if k, ok := model.KindOfID(u.ObjectID); ok && k.Kind == model.KindSetupIntent {
			x.SetupIntent = u.ObjectID
		}
		x.Explain()
		x.ExplainCardAt(token, "card")
		if u.Kind == model.StepAuthenticate && !u.Fail {
			x.ExplainAfterAuthentication()
		}
		out = append(out, reportError("step: "+string(u.Kind)+" "+u.ObjectID, x, u.At))
	}
	return out
}
