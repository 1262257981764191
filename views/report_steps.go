package views

import (
	"strconv"
	"strings"

	"github.com/tokenscope/tokenscope/model"
)

// laterSteps are the requests of a story that acted on what the token's
// uses became (a refund of its charge, a bank account's verification, a
// debit of its customer, a capture, evidence on a dispute): every POST of
// the log that is neither the token's creation nor a recorded use, found
// by the ids the log follows (model.Touched), not by a list of APIs. Each
// is a Uses row named for what its path does.
func laterSteps(uses []model.Use, requests []model.LoggedRequest) []ReportUse {
	recorded := map[string]bool{}
	for _, u := range uses {
		recorded[u.RequestID] = true
	}
	var out []ReportUse
	for _, e := range requests {
		if e.Method != "POST" || e.Path == "/v1/tokens" || (e.RequestID != "" && recorded[e.RequestID]) {
			continue
		}
		step := ReportUse{Kind: model.UseKind(stepName(e.Path)), Became: Clean(model.AnsweredID(e.Response)),
			Outcome: requestOutcome(e), RequestID: Clean(e.RequestID), At: e.Time.UTC()}
		if f, err := model.DecodeFields([]byte(e.Response)); err == nil && e.Status < 400 {
			step.Outcome = JoinNonEmpty(Clean(f.Get("status")), step.Outcome)
			if n, err := strconv.ParseInt(f.Get("amount"), 10, 64); err == nil && f.Get("currency") != "" {
				step.Amount = model.FormatAmount(n, Clean(f.Get("currency")))
			}
		}
		out = append(out, step)
	}
	return out
}

// stepName is what a request's path does: its last segment that is not an
// id, singular ("/v1/refunds" is refund, ".../sources/ba_1/verify" is
// verify, "/v1/charges" of a customer is charge: a debit).
func stepName(path string) string {
	path, _, _ = strings.Cut(path, "?")
	segs := strings.Split(strings.Trim(path, "/"), "/")
	for i := len(segs) - 1; i >= 0; i-- {
		s := segs[i]
		if s == "" || s == "v1" || strings.Contains(s, "_") && strings.ToLower(s) != s {
			continue // an id: acct_1Qx…, ch_3Qx…
		}
		if len(s) > 3 { // 3ds stays 3ds
			s = strings.TrimSuffix(s, "s")
		}
		return Clean(s)
	}
	return Clean(path)
}
