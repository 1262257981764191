package service

import (
	"context"
	"fmt"
	"strings"

	"github.com/tokenscope/tokenscope/model"
	"github.com/tokenscope/tokenscope/model/state"
)

// Step runs a scenario's step on what a token's use made, through the
// operations the CLI's commands use, which record it on the token
// (noteStep). A step whose object already shows it done (an apply killed
// after the API answered and before the state recorded it) is recorded
// from the object and not sent again; a refund, which an object cannot
// show done, carries the key the scenario derived for it, so the API
// answers a second send with the first refund.
func (r recorder) Step(ctx context.Context, tokenID string, req model.StepRequest) (model.Use, error) {
	s := r.s
	var (
		obj model.Object
		err error
	)
	switch req.Kind {
	case model.StepAuthenticate, model.StepCapture, model.StepCancel:
		pi, perr := s.api.Object(ctx, req.Of)
		if perr != nil {
			return model.Use{}, perr
		}
		status := pi.Fields().Get("status")
		if req.Kind == model.StepAuthenticate && status != model.PIRequiresAction {
			if use, asked := s.askedFor3DS(tokenID, req.Of); !asked {
				return model.Use{}, model.LocalError("payment_intent_unexpected_state", "payment_intent", fmt.Sprintf(
					"%s never asked for 3D Secure (its use answered %s, now %s), so there is no challenge to answer and the step was not done; a backend that does not decide by test card (stripe-mock) answers every PaymentIntent alike",
					req.Of, use.Status, status))
			}
		}
		if chargeCaptured(pi) || (!model.IsChargeID(req.Of) && donePI(req.Kind, status)) {
			u := req.Done(pi)
			return u, s.notePaymentIntent(ctx, pi, u)
		}
		switch req.Kind {
		case model.StepAuthenticate:
			var ch model.Challenge
			ch, err = s.Authenticate(ctx, req.Of, req.Fail)
			if err == nil && !ch.Answered {
				err = model.LocalError("payment_intent_action_required", "payment_intent",
					req.Of+" waits for 3D Secure on a page a scenario cannot answer: open "+orNoPage(ch.URL)+" and press Complete or Fail, then apply again")
			}
			obj = ch.PaymentIntent
		case model.StepCapture:
			obj, err = s.Capture(ctx, req.Of, req.Amount)
		default:
			obj, err = s.Cancel(ctx, req.Of)
		}
	case model.StepRefund:
		obj, err = s.Refund(ctx, model.RefundRequest{Of: req.Of, Amount: req.Amount, IdempotencyKey: req.IdempotencyKey})
	case model.StepDispute:
		obj, err = s.answerStep(ctx, req)
	case model.StepVerify:
		obj, err = s.verifyStep(ctx, req)
	}
	if err != nil {
		return model.Use{}, err
	}
	return req.Done(obj), nil
}

// askedFor3DS: the token's use that made pi (returned) answered
// requires_action, or a 3D Secure step of it is recorded. Only then does a
// PaymentIntent past requires_action show an authenticate step done (by
// an apply killed before it recorded it); one that never asked
// (stripe-mock confirms every PaymentIntent alike) was authenticated by
// no one. Unknown (the state does not hold the use) counts as asked.
func (s *Session) askedFor3DS(tokenID, pi string) (model.Use, bool) {
	w, err := s.loadWorkspace()
	if err != nil {
		return model.Use{}, true
	}
	rec, ok := w.Find(tokenID)
	if !ok {
		return model.Use{}, true
	}
	for _, st := range rec.Steps {
		if st.Kind == model.StepAuthenticate && st.ObjectID == pi {
			return st, true
		}
	}
	for _, u := range rec.Uses {
		if u.ObjectID == pi {
			return u, u.Status == model.PIRequiresAction
		}
	}
	return model.Use{}, true
}

// donePI: the PaymentIntent's status shows the step done.
func donePI(kind model.UseKind, status string) bool {
	switch kind {
	case model.StepAuthenticate:
		return status != model.PIRequiresAction
	case model.StepCapture:
		return status == model.PISucceeded
	}
	return status == model.PICanceled
}

func orNoPage(url string) string {
	if url == "" {
		return "the page next_action names (confirm it with a return_url to get one)"
	}
	return url
}

// answerStep answers the dispute of the charge req.Of (a PaymentIntent's
// latest charge): evidence, or close. A dispute already answered is taken
// as it is.
func (s *Session) answerStep(ctx context.Context, req model.StepRequest) (model.Object, error) {
	charge := req.Of
	if strings.HasPrefix(charge, "pi_") {
		pi, err := s.api.Object(ctx, charge)
		if err != nil {
			return model.Object{}, err
		}
		charge = pi.Fields().Get("latest_charge")
	}
	du, found, err := s.DisputeOf(ctx, charge)
	switch {
	case err != nil:
		return model.Object{}, err
	case !found:
		return model.Object{}, model.NoDispute(charge)
	}
	if st := du.Fields().Get("status"); st != "needs_response" && st != "warning_needs_response" {
		u := req.Done(du)
		return du, s.noteStep(ctx, charge, u, nil)
	}
	return s.Answer(ctx, du.ID, req.Evidence, req.Evidence == "")
}

// verifyStep verifies the bank account the customer req.Of holds (its
// default source); one already verified is taken as it is.
func (s *Session) verifyStep(ctx context.Context, req model.StepRequest) (model.Object, error) {
	cus, err := s.api.Object(ctx, req.Of)
	if err != nil {
		return model.Object{}, err
	}
	ba := cus.Fields().Get("default_source")
	obj, err := s.Verify(ctx, model.VerifyRequest{Customer: req.Of, Bank: ba, Amounts: req.Amounts})
	if e, ok := model.AsError(err); ok && strings.Contains(e.Message, "already been verified") {
		obj = model.Object{ID: ba, Raw: []byte(`{"id":"` + ba + `","status":"verified"}`), RequestID: e.RequestID}
		return obj, s.noteStep(ctx, req.Of, req.Done(obj), nil)
	}
	return obj, err
}

// noteStep records a step on the token whose use made of (its object or
// that object's charge), and brings that use up to pi when the step
// changed a PaymentIntent. A step on an object no token of the workspace
// made records nothing: the object lives in the API.
// The state is locked only when a token made of: a refund of a charge
// made elsewhere waits for no other tokenscope.
func (s *Session) noteStep(ctx context.Context, of string, step model.Use, pi *model.Object) error {
	w, err := s.loadWorkspace()
	if err == nil && !madeHere(w, of) {
		return nil
	}
	if err == nil {
		err = s.hold(ctx, "step", func(h *held) error {
			w := h.workspace()
			if h.replayedStep(step) {
				return nil
			}
			if !noteOn(w, of, step, pi) {
				return nil
			}
			return h.l.Save()
		})
	}
	if err != nil {
		return fmt.Errorf("%s %s was done, but recording it on the token that made %s failed: %w", step.Kind, step.ObjectID, of, err)
	}
	return nil
}

// stepMoves are the moves a step is sent as (moves.go), for a step found
// done to be told from a pending move of it.
var stepMoves = map[model.UseKind]model.Move{
	model.StepCapture: model.MoveCapture,
	model.StepCancel:  model.MoveCancel,
	model.StepRefund:  model.MoveRefund,
	model.StepDispute: model.MoveAnswer,
	model.StepVerify:  model.MoveVerify,
}

// replayedStep: this hold sent step again as a pending move (an apply
// killed after the API carried it out) and recorded it. A step found done
// on its object is that move, so noting it too would record it twice
// (regress2#1: two captures in the state, and in an export, for one
// capture at the API).
func (h *held) replayedStep(step model.Use) bool {
	for _, r := range h.replayed {
		p := r.Pending
		if r.ID != "" && p.Op == model.PendingMove && p.Move != nil && p.Move.Action == stepMoves[step.Kind] &&
			r.ID == string(p.Move.Action)+" "+step.ObjectID {
			return true
		}
	}
	return false
}

// madeHere: a token's use made of (the object, or its charge).
func madeHere(w *state.Workspace, of string) bool {
	for _, r := range w.Tokens {
		for _, u := range r.Uses {
			if made(u, of) {
				return true
			}
		}
	}
	return false
}

func made(u model.Use, of string) bool { return u.ObjectID == of || (u.Charge != "" && u.Charge == of) }

// noteOn is noteStep's change to the workspace; it reports whether a
// token's use made of.
func noteOn(w *state.Workspace, of string, step model.Use, pi *model.Object) bool {
	for _, r := range w.Tokens {
		for i := range r.Uses {
			if !made(r.Uses[i], of) {
				continue
			}
			if pi != nil {
				r.Uses[i].FollowPaymentIntent(*pi)
			}
			followRelease(&r.Uses[i], step)
			r.Steps = append(r.Steps, step)
			w.Upsert(r)
			return true
		}
	}
	return false
}
