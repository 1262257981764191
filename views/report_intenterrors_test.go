package views

import (
	"bytes"
	"strings"
	"testing"
	"time"

	"github.com/tokenscope/tokenscope/model"
)

// The errors a use's later steps met come in answers that succeeded: a
// completed 3D Secure challenge whose card then declines, a failed
// challenge, a SetupIntent's failed challenge. The report tells each,
// once, however often the intent was read again afterwards.
func TestReportTellsTheErrorsAnIntentWasLeftWith(t *testing.T) {
	at := time.Date(2026, 12, 5, 9, 0, 0, 0, time.UTC)
	card := []byte(`{"id":"tok_1","type":"card","used":true,"card":{"brand":"Visa","last4":"1629","country":"US"}}`)
	declined := `{"id":"pi_1","object":"payment_intent","status":"requires_payment_method","last_payment_error":{"type":"card_error","code":"card_declined","decline_code":"generic_decline","charge":"ch_1","message":"Your card was declined.","payment_method":{"card":{"last4":"1629","country":"US"}}}}`
	failed := `{"id":"pi_1","object":"payment_intent","status":"requires_payment_method","last_payment_error":{"type":"invalid_request_error","code":"payment_intent_authentication_failure","message":"The provided PaymentMethod has failed authentication."}}`
	setupFailed := `{"id":"seti_1","object":"setup_intent","status":"requires_payment_method","last_setup_error":{"type":"invalid_request_error","code":"setup_intent_authentication_failure","message":"failed authentication"}}`
	waits := `{"id":"pi_1","object":"payment_intent","status":"requires_action"}`
	log := func(answers ...string) []model.LoggedRequest {
		out := []model.LoggedRequest{{Method: "POST", Path: "/v1/payment_intents", Status: 200, RequestID: "req_1", Time: at, Response: waits}}
		for i, a := range answers {
			out = append(out, model.LoggedRequest{Method: "GET", Path: "/v1/payment_intents/pi_1", Status: 200, RequestID: "req_r" + string(rune('a'+i)), Time: at, Response: a})
		}
		return out
	}
	use := model.Use{Kind: model.UsePaymentIntent, ObjectID: "pi_1", Status: "requires_payment_method", RequestID: "req_1", At: at}
	step := func(fail bool, code string) model.Use {
		return model.Use{Kind: model.StepAuthenticate, ObjectID: "pi_1", Fail: fail, Code: code, RequestID: "req_ra", At: at}
	}
	for _, tc := range []struct {
		name     string
		requests []model.LoggedRequest
		steps    []model.Use
		code     string
		why      string
		errors   int
	}{
		{"declined after a completed challenge, read twice", log(declined, declined), []model.Use{step(false, "card_declined")},
			"card_declined", "3D Secure was completed, then the issuer declined the payment", 1},
		{"a failed challenge", log(failed, failed), []model.Use{step(true, model.CodePIAuthenticationFailure)},
			model.CodePIAuthenticationFailure, "the customer failed (or abandoned) the 3D Secure challenge", 1},
		{"failed, confirmed again, failed again", log(failed, waits, failed), nil,
			model.CodePIAuthenticationFailure, "the customer failed", 2},
		{"a SetupIntent's failed challenge", log(setupFailed), nil,
			"setup_intent_authentication_failure", "the SetupIntent went back to requires_payment_method", 1},
		{"a decline the confirmation's refusal already told", append([]model.LoggedRequest{{Method: "POST", Path: "/v1/payment_intents", Status: 402, RequestID: "req_0", Time: at,
			Response: `{"error":{"type":"card_error","code":"card_declined","decline_code":"generic_decline","charge":"ch_1","payment_intent":{"id":"pi_1"}}}`}}, log(declined)...), nil,
			"card_declined", "4000008400001629 requires 3D Secure", 1},
		{"the answers no longer logged", nil, []model.Use{step(false, "card_declined")},
			"card_declined", "3D Secure was completed, then the issuer declined the payment", 1},
	} {
		t.Run(tc.name, func(t *testing.T) {
			rec := model.Record{ID: "tok_1", Type: model.KindCard, Used: true, Raw: card, Uses: []model.Use{use}, Steps: tc.steps}
			r := NewReport(model.Story{Token: rec, Requests: tc.requests}, at)
			if len(r.Errors) != tc.errors {
				t.Fatalf("%d errors, want %d: %+v", len(r.Errors), tc.errors, r.Errors)
			}
			if e := r.Errors[0]; e.Code != tc.code || !strings.Contains(e.Why, tc.why) {
				t.Errorf("error %+v, want code %s and why %q", e, tc.code, tc.why)
			}
			var b bytes.Buffer
			if err := r.WriteMarkdown(&b); err != nil {
				t.Fatal(err)
			}
			if strings.Contains(b.String(), "## Errors\n\nNone.") {
				t.Errorf("report says no errors:\n%s", b.String())
			}
		})
	}
}
