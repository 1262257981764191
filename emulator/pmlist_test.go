package emulator

import (
	"slices"
	"testing"
)

// GET /v1/payment_methods without customer lists the account's own
// PaymentMethods (attached to no customer), as Stripe's reference says;
// a customer's are listed with customer or under the customer.
func TestPaymentMethodListWithoutCustomer(t *testing.T) {
	e, _ := New(Options{Now: clock})
	cus := postOK(t, e, "/v1/customers", "")["id"].(string)
	loose := postOK(t, e, "/v1/payment_methods", "type=card&card[token]=tok_visa")["id"].(string)
	attached := postOK(t, e, "/v1/payment_methods", "type=card&card[token]=tok_mastercard")["id"].(string)
	postOK(t, e, "/v1/payment_methods/"+attached+"/attach", "customer="+cus)
	for path, want := range map[string][]string{
		"/v1/payment_methods":                       {loose},
		"/v1/payment_methods?type=card":             {loose},
		"/v1/payment_methods?customer=" + cus:       {attached},
		"/v1/customers/" + cus + "/payment_methods": {attached},
	} {
		var got []string
		for _, pm := range getOK(t, e, path)["data"].([]any) {
			got = append(got, pm.(map[string]any)["id"].(string))
		}
		if !slices.Equal(got, want) {
			t.Errorf("%s: %v, want %v", path, got, want)
		}
	}
}
