package service

import "github.com/tokenscope/tokenscope/model"

// A scenario's capture step after an authorize use captures a charge,
// whose status says succeeded before its capture as after: its captured
// field says whether the step was done (by an apply killed before it
// recorded it).

// chargeCaptured: obj is a charge captured already.
func chargeCaptured(obj model.Object) bool {
	return model.IsChargeID(obj.ID) && obj.Fields().Get("captured") == "true"
}

// followRelease brings an authorization's use to released when step, a
// refund of it, succeeded (released, in a step recorded since the refund
// says so): the list and detail then say the money is no longer held.
func followRelease(u *model.Use, step model.Use) {
	if u.Kind == model.UseAuthorize && u.Status == model.ChargeUncaptured && step.Kind == model.StepRefund &&
		(step.Status == "succeeded" || step.Status == model.ChargeReleased) {
		u.Status = model.ChargeReleased
	}
}
