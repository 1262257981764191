package views

import "github.com/tokenscope/tokenscope/model"

// connectUse reports whether a use is a Connect one (an account made from
// an account token, an id number given by a PII token).
func connectUse(k model.UseKind) bool { return k == model.UseAccount || k == model.UseIDNumber }

// connectDone is what a Connect use did, in the words the CLI prints:
// "made account acct_… from ct_…", "gave pii_… as the id number of acct_…".
func connectDone(req model.UseRequest, u model.Use) string {
	if u.Kind == model.UseIDNumber {
		return "gave " + Clean(req.TokenID) + " as the id number of " + Clean(u.ObjectID)
	}
	return "made account " + Clean(u.ObjectID) + " from " + Clean(req.TokenID)
}

// connectBrief is a Connect use in a few words, for a narrow pane.
func connectBrief(u model.Use) string {
	if u.Kind == model.UseIDNumber {
		return "id number of " + Clean(u.ObjectID)
	}
	return "made an account"
}
