package views

import (
	"testing"
	"time"

	"github.com/tokenscope/tokenscope/model"
)

// A PaymentIntent use's record follows the PaymentIntent (status and the
// request id of the capture that last changed it). The report still lists
// the use first with the request that made it, then the PaymentMethod's
// creation is no row of its own, and the capture is a step with its own
// request id.
func TestReportListsAPaymentIntentUseFirstWithItsOwnRequest(t *testing.T) {
	at := time.Date(2026, 12, 5, 9, 0, 0, 0, time.UTC)
	rec := model.Record{ID: "tok_1", Type: model.KindCard, Used: true,
		Raw: []byte(`{"id":"tok_1","type":"card","used":true,"card":{"last4":"3184"}}`),
		Uses: []model.Use{{Kind: model.UsePaymentIntent, ObjectID: "pi_1", PaymentMethod: "pm_1", Status: "succeeded",
			Amount: 2500, Currency: "usd", RequestID: "req_capture", At: at}}}
	log := []model.LoggedRequest{
		{Method: "POST", Path: "/v1/payment_methods", Status: 200, RequestID: "req_pm", Time: at, Response: `{"id":"pm_1","object":"payment_method"}`},
		{Method: "POST", Path: "/v1/payment_intents", Status: 200, RequestID: "req_pi", Time: at.Add(time.Second),
			Response: `{"id":"pi_1","object":"payment_intent","status":"requires_capture","amount":2500,"currency":"usd"}`},
		{Method: "POST", Path: "/v1/payment_intents/pi_1/capture", Status: 200, RequestID: "req_capture", Time: at.Add(2 * time.Second),
			Response: `{"id":"pi_1","object":"payment_intent","status":"succeeded","amount":2500,"currency":"usd"}`},
	}
	r := NewReport(model.Story{Token: rec, Requests: log}, at)
	if len(r.Uses) != 2 {
		t.Fatalf("uses %+v, want the use and the capture", r.Uses)
	}
	if u := r.Uses[0]; u.Kind != model.UsePaymentIntent || u.RequestID != "req_pi" || u.Outcome != "requires_capture HTTP 200" {
		t.Errorf("first row %+v, want the PaymentIntent's creation, req_pi", u)
	}
	if u := r.Uses[1]; u.Kind != "capture" || u.RequestID != "req_capture" {
		t.Errorf("second row %+v, want the capture, req_capture", u)
	}
}
