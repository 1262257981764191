package emulator

import (
	"bytes"
	"encoding/json"
	"net/http"

	"github.com/tokenscope/tokenscope/model"
)

// What a publishable key (pk_test_) may do, as at Stripe: what Stripe.js
// and the mobile SDKs call from a customer's device. It creates tokens
// and PaymentMethods, and retrieves and confirms the PaymentIntent or
// SetupIntent whose client_secret it names (the routes marked
// publishable in routes.go); every other route is refused
// (publishableRefused). Its answers leave out what a browser must not
// see: metadata everywhere, and of an intent all but the fields Stripe's
// reference marks "retrievable with publishable key".

const paramClientSecret = "client_secret"

// withClientSecret are an intent route's params and client_secret.
func withClientSecret(params []string) []string {
	return append([]string{paramClientSecret}, params...)
}

// intent is a PaymentIntent or a SetupIntent as the key checks see it.
type intent struct {
	name   string // Stripe's name in messages: PaymentIntent, SetupIntent
	secret string // its client_secret
	// manual: only a secret key confirms it (confirmation_method=manual).
	manual bool
}

// intentOf reads the intent a publishable intent route (retrieve,
// confirm) names; false for another route, or an intent that does not
// exist (its handler answers that).
func intentOf(c *call, ep *endpoint) (intent, bool) {
	if !ep.publishable || len(c.ids) == 0 {
		return intent{}, false
	}
	switch ep.object {
	case "payment_intent":
		if pi, ok := c.objs.paymentIntent(c.id()); ok {
			return intent{"PaymentIntent", pi.clientSecret(), pi.ConfirmationMethod == "manual"}, true
		}
	case "setup_intent":
		if si, ok := c.objs.setupIntent(c.id()); ok {
			return intent{"SetupIntent", si.clientSecret(), false}, true
		}
	}
	return intent{}, false
}

// checkKey refuses what the request's key may not do on ep, before ep
// runs. A client_secret must be the intent's: a publishable key must
// name it, a secret key may on a retrieve, and a confirm with a secret
// key does not take it ("Received unknown parameter", as Stripe answers
// a server that sends it).
func checkKey(c *call, ep *endpoint) *model.Error {
	given := c.params.Has(paramClientSecret)
	if !c.publishable && given && ep.method == http.MethodPost {
		return invalid("parameter_unknown", paramClientSecret, "Received unknown parameter: "+paramClientSecret)
	}
	if c.publishable && c.params.Has("customer") {
		// A key anyone may read never gives a card to a customer.
		return invalid("", "customer", "customer cannot be set with a publishable API key: attach the PaymentMethod with a secret key (POST /v1/payment_methods/{id}/attach).")
	}
	in, ok := intentOf(c, ep)
	switch {
	case !ok:
		return nil
	case c.publishable && !given:
		return missingParam(paramClientSecret)
	case given && c.params.get(paramClientSecret) != in.secret:
		code := map[string]string{"PaymentIntent": "payment_intent_invalid_parameter", "SetupIntent": "setup_intent_invalid_parameter"}[in.name]
		return invalid(code, paramClientSecret, "The client_secret provided does not match the client_secret associated with the "+in.name+".")
	case c.publishable && in.manual && ep.method == http.MethodPost:
		return invalid("", "", "This PaymentIntent "+c.id()+" cannot be confirmed using your publishable key because its `confirmation_method` is set to `manual`. "+
			"Please use your secret key instead, or create a PaymentIntent with `confirmation_method` set to `automatic`.")
	}
	return nil
}

// run answers c on ep as its key allows, and the objects a refusal
// carries (a decline's PaymentIntent) as that key sees them.
func (c *call) run(ep *endpoint) (any, *model.Error) {
	if aerr := checkKey(c, ep); aerr != nil {
		return nil, aerr
	}
	obj, aerr := ep.handle(c)
	if aerr != nil && c.publishable {
		c.errPaymentIntent = publishableObject(c.errPaymentIntent, "payment_intent")
		c.errSetupIntent = publishableObject(c.errSetupIntent, "setup_intent")
		c.errPaymentMethod = publishableObject(c.errPaymentMethod, "payment_method")
	}
	return obj, aerr
}

// publishableFields are the fields of an intent Stripe returns to a
// publishable key: those its API reference marks "retrievable with
// publishable key" (Stripe.js's and stripe-android's PaymentIntent and
// SetupIntent hold the same).
var publishableFields = map[string][]string{
	"payment_intent": {"id", "object", "amount", "automatic_payment_methods", "canceled_at", "cancellation_reason",
		"capture_method", "client_secret", "confirmation_method", "created", "currency", "description",
		"last_payment_error", "livemode", "next_action", "payment_method", "payment_method_types", "processing",
		"receipt_email", "setup_future_usage", "shipping", "status"},
	"setup_intent": {"id", "object", "automatic_payment_methods", "cancellation_reason", "client_secret", "created",
		"description", "last_setup_error", "livemode", "next_action", "payment_method", "payment_method_types",
		"status", "usage"},
}

// publishableView is body, an object as a secret key sees it, as a
// publishable key does: an intent's visible fields only, and no metadata
// at any depth (an expanded PaymentMethod's too).
func publishableView(body []byte, object string) ([]byte, error) {
	d := json.NewDecoder(bytes.NewReader(body))
	d.UseNumber() // amounts and times come back as they were
	var v any
	if err := d.Decode(&v); err != nil {
		return nil, err
	}
	if m, ok := v.(map[string]any); ok && publishableFields[object] != nil {
		kept := map[string]any{}
		for _, f := range publishableFields[object] {
			if x, ok := m[f]; ok {
				kept[f] = x
			}
		}
		v = kept
	}
	dropMetadata(v)
	return json.Marshal(v)
}

// dropMetadata removes every metadata field in v.
func dropMetadata(v any) {
	switch v := v.(type) {
	case map[string]any:
		delete(v, "metadata")
		for _, x := range v {
			dropMetadata(x)
		}
	case []any:
		for _, x := range v {
			dropMetadata(x)
		}
	}
}

// publishableObject is v, a rendered object, as a publishable key sees
// it; nil stays nil.
func publishableObject(v any, object string) any {
	if v == nil {
		return nil
	}
	body, err := json.Marshal(v)
	if err == nil {
		body, err = publishableView(body, object)
	}
	if err != nil {
		return nil // rendered by the emulator itself: never met
	}
	return json.RawMessage(body)
}
