package service

import (
	"context"
	"time"

	"github.com/tokenscope/tokenscope/client"
	"github.com/tokenscope/tokenscope/model"
	"github.com/tokenscope/tokenscope/model/state"
)

// A move of an object (a refund, a customer's charge, a capture…) is a
// write like a token's create or use, and goes the same way: under the
// state lock, with its write-ahead record (writeAhead). One cancelled, or
// cut short by a kill, stays pending with its Idempotency-Key; sent again
// (by the person, or by the next tokenscope), it carries that key, and
// the API answers with what the first made instead of making it twice.

// movement is one move as it is sent and recorded.
type movement struct {
	s   *Session
	m   model.MoveRequest
	obj model.Object
}

func moving(s *Session, m model.MoveRequest) *movement { return &movement{s: s, m: m} }

// send sends the move with key.
func (mv *movement) send(ctx context.Context, key string) (err error) {
	api, m := mv.s.api, mv.m
	ctx = client.WithIdempotencyKey(ctx, key)
	switch m.Action {
	case model.MoveRefund:
		req := m.RefundRequest()
		req.IdempotencyKey = key
		mv.obj, err = api.Refund(ctx, req)
	case model.MoveCharge:
		req := m.CustomerCharge()
		req.IdempotencyKey = key
		mv.obj, err = api.ChargeCustomer(ctx, req)
	case model.MoveCapture:
		mv.obj, err = api.Capture(ctx, m.ID, m.Amount)
	case model.MoveCancel:
		mv.obj, err = api.Cancel(ctx, m.ID)
	case model.MoveVerify:
		mv.obj, err = api.Verify(ctx, m.VerifyRequest())
	case model.MoveAnswer:
		mv.obj, err = api.Answer(ctx, m.ID, m.Evidence, m.Close)
	case model.MoveAttach:
		mv.obj, err = api.Attach(ctx, m.ID, m.Customer)
	case model.MoveDetach:
		mv.obj, err = api.Detach(ctx, m.ID)
	default:
		err = model.LocalError("parameter_unknown", "action", "tokenscope does not know the move "+string(m.Action))
	}
	return err
}

// record records a move that succeeded as a step on the token whose use
// made what it moved (noteOn); a move on anything else records nothing:
// the object lives in the API. It returns what the move made, for a
// person to read ("" when it was refused).
func (mv *movement) record(w *state.Workspace, err error) string {
	if err != nil {
		return ""
	}
	m, obj := mv.m, mv.obj
	switch m.Action {
	case model.MoveRefund:
		noteOn(w, m.ID, model.StepRequest{Kind: model.StepRefund, Amount: m.Amount}.Done(obj), nil)
	case model.MoveCapture:
		noteOn(w, obj.ID, model.StepRequest{Kind: model.StepCapture, Amount: m.Amount}.Done(obj), &obj)
	case model.MoveCancel:
		noteOn(w, obj.ID, model.StepRequest{Kind: model.StepCancel}.Done(obj), &obj)
	case model.MoveVerify:
		noteOn(w, m.Customer, model.StepRequest{Kind: model.StepVerify, Amounts: m.Amounts}.Done(obj), nil)
	case model.MoveAnswer:
		step := model.StepRequest{Kind: model.StepDispute, Evidence: m.Evidence}
		if m.Close {
			step.Evidence = ""
		}
		noteOn(w, obj.Fields().Get("charge"), step.Done(obj), nil)
	}
	return string(m.Action) + " " + obj.ID
}

// move sends m, with key ("": a new one), under the state lock with its
// write-ahead record, and records it. Bad input is refused before the
// state is read; nothing is sent when the state cannot be read, written
// or locked.
func (s *Session) move(ctx context.Context, m model.MoveRequest, key string) (model.Object, error) {
	if err := client.CheckMove(m); err != nil {
		return model.Object{}, err
	}
	if err := s.stateReady(); err != nil {
		return model.Object{}, err
	}
	if key == "" {
		key = newKey()
	}
	mv := moving(s, m)
	err := s.hold(ctx, string(m.Action), func(h *held) error {
		return h.writeAhead(model.NewPendingMove(m, key, time.Now()), mv.send, mv.record)
	})
	return mv.obj, err
}
