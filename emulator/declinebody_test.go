package emulator

import (
	"encoding/json"
	"testing"
)

// TestDeclineCarriesPaymentMethod: a declined confirm's 402 carries the
// PaymentMethod in error.payment_method and in the PaymentIntent's
// last_payment_error, as Stripe's does, and the PaymentIntent has
// Stripe's payment_method_options.
func TestDeclineCarriesPaymentMethod(t *testing.T) {
	e, _ := New(Options{Now: clock})
	rec := do(t, e, "POST", "/v1/payment_intents", testKey, "amount=3000&currency=usd&payment_method_types[]=card&payment_method=pm_card_visa_chargeDeclinedInsufficientFunds&confirm=true", nil)
	var body struct {
		Error struct {
			PaymentMethod struct {
				ID   string
				Card struct{ Last4 string }
			} `json:"payment_method"`
			PaymentIntent struct {
				ID               string
				LastPaymentError struct {
					PaymentMethod struct{ ID string } `json:"payment_method"`
				} `json:"last_payment_error"`
				PaymentMethodOptions struct {
					Card struct {
						RequestThreeDSecure string `json:"request_three_d_secure"`
					}
				} `json:"payment_method_options"`
			} `json:"payment_intent"`
		}
	}
	if err := json.Unmarshal(rec.Body.Bytes(), &body); err != nil || rec.Code != 402 {
		t.Fatalf("%d %s %v", rec.Code, rec.Body, err)
	}
	pm, pi := body.Error.PaymentMethod, body.Error.PaymentIntent
	if pm.ID == "" || pm.Card.Last4 != "9995" || pi.LastPaymentError.PaymentMethod.ID != pm.ID {
		t.Errorf("error.payment_method %+v, last_payment_error.payment_method %+v", pm, pi.LastPaymentError.PaymentMethod)
	}
	if pi.PaymentMethodOptions.Card.RequestThreeDSecure != "automatic" {
		t.Errorf("payment_method_options: %+v", pi.PaymentMethodOptions)
	}
	got := getOK(t, e, "/v1/payment_intents/"+pi.ID)
	lpe, _ := got["last_payment_error"].(map[string]any)
	if m, _ := lpe["payment_method"].(map[string]any); m["id"] != pm.ID {
		t.Errorf("GET: last_payment_error.payment_method %v", lpe["payment_method"])
	}
}
