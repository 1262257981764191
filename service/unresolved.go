package service

import "github.com/tokenscope/tokenscope/model"

// UnresolvedError is a pending request just left to the user
// (Pending.Unresolved), as a refresh reports it: Err is the last failure
// when it got no answer maxTries times, nil when it could not be sent
// again at all (too old, a secret not kept). A network fault keeps its
// exit code and type (it is Err's), not the fallback of an error with no
// code ("internal_error", a bug in tokenscope).
type UnresolvedError struct {
	Pending model.Pending
	Err     error
}

func (e *UnresolvedError) Error() string {
	return e.Pending.Summary + " was not sent again: " + e.Pending.Unresolved
}

func (e *UnresolvedError) Unwrap() error { return e.Err }

// LocalCode is no_answer for one that got no answer, else
// pending_unresolved.
func (e *UnresolvedError) LocalCode() string {
	if e.Err != nil {
		return model.CodeNoAnswer
	}
	return model.CodePendingUnresolved
}

// findWhatItMade is the step, in Recovery.Text, that finds what an
// unresolved request made, by what it asked: only a create makes a token
// `tokenscope get` adds to the state; a use or a move made or changed an
// object the API holds (a customer's charge makes no token).
func findWhatItMade(p model.Pending) string {
	switch {
	case p.Op == model.PendingCreate:
		return "add a token it made with `tokenscope get ID`"
	case p.Op == model.PendingMove && p.Move != nil && p.Move.Action == model.MoveCharge:
		return "check the charge it made with `tokenscope get ID`"
	case p.Op == model.PendingMove && p.Move != nil:
		return "check " + p.Move.ID + " with `tokenscope get " + p.Move.ID + "`"
	}
	return "check what it made (a charge, a PaymentIntent…) with `tokenscope get ID`"
}
