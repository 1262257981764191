package model

import (
	"net/url"
	"strconv"
)

// CustomerCharges are the charges of customers the request log holds
// (POST /v1/charges with customer=, tokenscope use cus_… --charge, the
// TUI's p), by customer, in log order, each as a Use of kind charge: what
// it asked (amount, currency) and got (status, or the refusal's codes).
// The state records none of them (a customer is charged again and
// again, a token is used once), so the log is where an export finds
// them.
func CustomerCharges(log []LoggedRequest) map[string][]Use {
	out := map[string][]Use{}
	for _, e := range log {
		if e.Method != "POST" || e.Path != "/v1/charges" || e.Err != "" || e.Status == 0 {
			continue
		}
		q, err := url.ParseQuery(e.Body)
		cus := q.Get("customer")
		if err != nil || cus == "" {
			continue
		}
		u := Use{Kind: UseCharge, Currency: q.Get("currency"), RequestID: e.RequestID, At: e.Time}
		u.Amount, _ = strconv.ParseInt(q.Get("amount"), 10, 64)
		if x := ErrorOf(e); x != nil {
			u.ObjectID, u.Status, u.Code, u.DeclineCode = x.Charge, "failed", x.Code, x.DeclineCode
		} else if f, err := DecodeFields([]byte(e.Response)); err == nil {
			u.ObjectID, u.Status = f.Get("id"), ChargeStateOf(f)
		}
		out[cus] = append(out[cus], u)
	}
	return out
}
