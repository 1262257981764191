package views

import (
	"strings"
	"testing"
	"time"

	"github.com/tokenscope/tokenscope/model"
)

// A decline in a report is explained by the token's card, as the CLI and
// the TUI explain it: a customer's charge on 0341 (customer_charge_fail)
// declines with generic_decline, whose code alone names card 0002.
func TestReportExplainsADeclineByTheTokensCard(t *testing.T) {
	at := time.Date(2026, 12, 5, 9, 0, 0, 0, time.UTC)
	rec := model.Record{ID: "tok_1", Type: model.KindCard, Used: true,
		Raw: []byte(`{"id":"tok_1","type":"card","used":true,"card":{"brand":"Visa","last4":"0341","country":"US"}}`),
		Uses: []model.Use{{Kind: model.UseCustomer, ObjectID: "cus_1", Status: "attached", RequestID: "req_1", At: at},
			{Kind: model.UseCharge, ObjectID: "ch_0", Status: "failed", Code: "card_declined", DeclineCode: "generic_decline", RequestID: "req_0", At: at}}}
	log := []model.LoggedRequest{
		{Method: "POST", Path: "/v1/customers", Body: "source=tok_1", Status: 200, RequestID: "req_1", Time: at, Response: `{"id":"cus_1","object":"customer"}`},
		{Method: "POST", Path: "/v1/charges", Body: "customer=cus_1&amount=1000&currency=usd", Status: 402, RequestID: "req_2", Time: at,
			Response: `{"error":{"type":"card_error","code":"card_declined","decline_code":"generic_decline","charge":"ch_1","message":"Your card was declined."}}`},
	}
	r := NewReport(model.Story{Token: rec, Requests: log}, at)
	if len(r.Errors) != 2 {
		t.Fatalf("errors %+v", r.Errors)
	}
	for _, e := range r.Errors { // the logged charge, and the use whose request the log lost
		if !strings.HasPrefix(e.Why, "4000000000000341 attaches to a customer") || !strings.Contains(e.Next, "customer_charge_fail") {
			t.Errorf("%s explained as %q / %q", e.Request, e.Why, e.Next)
		}
	}
}
