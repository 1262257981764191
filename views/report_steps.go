package views

import (
	"strconv"
	"strings"

	"github.com/tokenscope/tokenscope/model"
)

// laterSteps are the requests of a story that acted on what the token's
// uses became (a refund of its charge, a bank account's verification, a
// debit of its customer, a capture, evidence on a dispute): every POST of
// the log that is neither the token's creation, nor a use's request (a
// row of uses), nor the PaymentMethod a PaymentIntent use made first,
// found by the ids the log follows (model.Touched), not by a list of
// APIs. Each is a Uses row named for what its path does.
func laterSteps(rows []ReportUse, uses []model.Use, requests []model.LoggedRequest) []ReportUse {
	recorded := map[string]bool{}
	for _, r := range rows {
		recorded[r.RequestID] = true
	}
	made := map[string]bool{}
	for _, u := range uses {
		if u.PaymentMethod != "" {
			made[u.PaymentMethod] = true
		}
		if u.Customer != "" {
			made[u.Customer] = true // a SetupIntent use's, made first
		}
	}
	var out []ReportUse
	for _, e := range requests {
		if e.Method != "POST" || e.Path == "/v1/tokens" || (e.RequestID != "" && recorded[e.RequestID]) ||
			(e.Status < 400 && made[model.AnsweredID(e.Response)]) {
			continue
		}
		out = append(out, requestStep(e))
	}
	return out
}

// requestStep is a POST of the log as a Uses row: named for what its path
// does, with the status and amount its answer has.
func requestStep(e model.LoggedRequest) ReportUse {
	step := ReportUse{Kind: model.UseKind(stepName(e.Path)), Became: Clean(model.AnsweredID(e.Response)),
		Outcome: requestOutcome(e), RequestID: Clean(e.RequestID), At: e.Time.UTC()}
	if f, err := model.DecodeFields([]byte(e.Response)); err == nil && e.Status < 400 {
		step.Outcome = JoinNonEmpty(Clean(model.ChargeStateOf(f)), step.Outcome) // uncaptured, not succeeded
		step.Amount = stepAmount(step.Kind, f)
	}
	return step
}

// stepAmount is the money of a step's answer. A capture's is what it
// captured, not the whole amount of the charge or PaymentIntent it
// answers: a partial capture releases the rest, said as the charge's
// pane says it (model.AmountCaptured). A PaymentIntent's amount_received
// is its charge's amount_captured.
func stepAmount(kind model.UseKind, f model.Fields) string {
	if kind == model.StepCapture {
		if !f.Has("amount_captured") && f.Has("amount_received") {
			f = model.Fields{"captured": true, "amount": f["amount"], "amount_captured": f["amount_received"], "currency": f["currency"]}
		}
		if f.Has("amount_captured") {
			return Clean(model.AmountCaptured(f))
		}
	}
	if n, err := strconv.ParseInt(f.Get("amount"), 10, 64); err == nil && f.Get("currency") != "" {
		return model.FormatAmount(n, Clean(f.Get("currency")))
	}
	return ""
}

// useRow is a use as a Uses row. A PaymentIntent's use follows the
// PaymentIntent (model.Use.FollowPaymentIntent: the status and the
// request of the capture or authentication that last changed it), so its
// row is the request that made it, as the log has it: the use keeps its
// place and its own request id, and the capture is a step of its own.
func useRow(u model.Use, requests []model.LoggedRequest) ReportUse {
	for _, e := range requests {
		if u.ObjectID != "" && e.Method == "POST" && e.Status < 400 && madeBy(u.Kind, e.Path) && model.AnsweredID(e.Response) == u.ObjectID {
			if e.RequestID == u.RequestID {
				break // the use's own request: its record says more
			}
			row := requestStep(e)
			row.Kind = u.Kind // authorize, not charge
			return row
		}
	}
	ru := ReportUse{Kind: u.Kind, Became: Clean(u.ObjectID), Outcome: Clean(UseOutcome(u)), RequestID: Clean(u.RequestID), At: u.At}
	if u.Amount > 0 {
		ru.Amount = model.FormatAmount(u.Amount, u.Currency)
	}
	return ru
}

// madeBy reports whether a request to path makes what a use of kind
// makes: an authorization is a charge.
func madeBy(kind model.UseKind, path string) bool {
	return stepName(path) == string(kind) || (kind == model.UseAuthorize && stepName(path) == string(model.UseCharge))
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
