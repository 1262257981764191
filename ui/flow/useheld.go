package flow

import "github.com/tokenscope/tokenscope/model"

// held reports an authorization just made (a charge not captured), which
// the outcome pane offers to capture (c) or release (b) in the charge's
// pane, each after its plan.
func (u *Use) held() bool {
	return u.out.Err == nil && u.out.Use.Kind == model.UseAuthorize && u.out.Use.Status == model.ChargeUncaptured
}
