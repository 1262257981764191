package service

import (
	"fmt"

	"github.com/tokenscope/tokenscope/model"
	"github.com/tokenscope/tokenscope/scenario"
)

// applyStale refuses a plan made again under the state lock (fresh) that
// would do a change the approved plan (shown) did not show: the user
// approved shown, so an apply may do less than it (another apply did the
// rest) but nothing else. As Terraform's "Saved plan is stale".
func applyStale(shown, fresh *scenario.Plan) error {
	approved := make(map[string]bool, len(shown.Changes))
	for _, c := range shown.Changes {
		approved[changeKey(c)] = true
	}
	for _, c := range fresh.Changes {
		if !approved[changeKey(c)] {
			return &staleError{name: c.Name(), err: model.LocalError(model.CodePlanStale, "plan", fmt.Sprintf(
				"the state changed since the plan of %s was made: %s would now be %s, which the plan did not show; nothing was sent",
				shown.File.Name, c.Address, c.Action))}
		}
	}
	return nil
}

func changeKey(c model.Change) string { return c.Action + " " + c.Address }

// staleError is applyStale's refusal and the block it is about.
type staleError struct {
	err  *model.Error
	name string
}

func (e *staleError) Error() string { return e.err.Error() }
func (e *staleError) Unwrap() error { return e.err }

// doneSincePlan are the changes shown showed that fresh, made under the
// lock, no longer does: done by another tokenscope since shown was made.
func doneSincePlan(shown, fresh *scenario.Plan) []model.Change {
	left := make(map[string]bool, len(fresh.Changes))
	for _, c := range fresh.Changes {
		left[changeKey(c)] = true
	}
	var done []model.Change
	for _, c := range shown.Changes {
		if !left[changeKey(c)] {
			done = append(done, c)
		}
	}
	return done
}
