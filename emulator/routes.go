package emulator

import (
	"net/http"
	"strings"

	"github.com/tokenscope/tokenscope/model"
)

// endpoint is one route of the API.
type endpoint struct {
	method string
	// path is under /v1/, with {} for each id: "customers/{}/sources".
	path string
	// object is what the endpoint answers with, which expand[] paths
	// start from: an object of expandable, or "list:" one.
	object      string
	publishable bool     // a pk_test_ key may call it (publishable.go)
	params      []string // accepted parameters; a trailing "[" accepts a prefix
	handle      func(*call) (any, *model.Error)
}

var endpoints = []endpoint{
	{method: http.MethodPost, path: "tokens", object: "token", publishable: true, params: tokenParams, handle: createToken},
	{method: http.MethodGet, path: "tokens/{}", object: "token", params: getParams, handle: getToken},
	{method: http.MethodPost, path: "customers", object: "customer", params: customerParams, handle: createCustomer},
	{method: http.MethodGet, path: "customers", object: "list:customer", params: customerListParams, handle: listCustomers},
	{method: http.MethodGet, path: "customers/search", object: "search:customer", params: searchParams, handle: searchCustomers},
	{method: http.MethodGet, path: "customers/{}", object: "customer", params: getParams, handle: getCustomer},
	{method: http.MethodPost, path: "customers/{}", object: "customer", params: customerUpdateParams, handle: updateCustomer},
	{method: http.MethodDelete, path: "customers/{}", object: "customer", params: nil, handle: deleteCustomer},
	{method: http.MethodGet, path: "customers/{}/sources", object: "list:source", params: sourceListParams, handle: listSources("sources")},
	{method: http.MethodGet, path: "customers/{}/sources/{}", object: "source", params: getParams, handle: getSource("sources")},
	{method: http.MethodPost, path: "customers/{}/sources", object: "source", params: sourceCreateParams, handle: createSource},
	{method: http.MethodDelete, path: "customers/{}/sources/{}", object: "source", params: nil, handle: deleteSource},
	{method: http.MethodPost, path: "customers/{}/sources/{}", object: "source", params: sourceUpdateParams, handle: updateSource},
	{method: http.MethodGet, path: "customers/{}/cards", object: "list:source", params: pageParams, handle: listSources("cards")},
	{method: http.MethodGet, path: "customers/{}/cards/{}", object: "source", params: getParams, handle: getSource("cards")},
	{method: http.MethodGet, path: "customers/{}/bank_accounts", object: "list:source", params: pageParams, handle: listSources("bank_accounts")},
	{method: http.MethodGet, path: "customers/{}/bank_accounts/{}", object: "source", params: getParams, handle: getSource("bank_accounts")},
	{method: http.MethodPost, path: "refunds", object: "refund", params: refundParams, handle: createRefund},
	{method: http.MethodGet, path: "refunds", object: "list:refund", params: refundListParams, handle: listRefunds},
	{method: http.MethodGet, path: "refunds/{}", object: "refund", params: getParams, handle: getRefund},
	{method: http.MethodPost, path: "refunds/{}", object: "refund", params: refundUpdateParams, handle: updateRefund},
	{method: http.MethodGet, path: "disputes", object: "list:dispute", params: disputeListParams, handle: listDisputes},
	{method: http.MethodGet, path: "disputes/{}", object: "dispute", params: getParams, handle: getDispute},
	{method: http.MethodPost, path: "disputes/{}", object: "dispute", params: disputeUpdateParams, handle: updateDispute},
	{method: http.MethodPost, path: "disputes/{}/close", object: "dispute", params: getParams, handle: closeDispute},
	{method: http.MethodPost, path: "customers/{}/sources/{}/verify", object: "bank_account", params: verifyParams, handle: verifySource},
	{method: http.MethodPost, path: "accounts", object: "account", params: accountParams, handle: createAccount},
	{method: http.MethodGet, path: "accounts", object: "list:account", params: accountListParams, handle: listAccounts},
	{method: http.MethodGet, path: "accounts/{}/persons", object: "list:person", params: personListParams, handle: listPersons},
	{method: http.MethodGet, path: "accounts/{}", object: "account", params: getParams, handle: getAccount},
	{method: http.MethodPost, path: "accounts/{}", object: "account", params: accountUpdateParams, handle: updateAccount},
	{method: http.MethodPost, path: "accounts/{}/persons", object: "person", params: personParams, handle: createPerson},
	{method: http.MethodGet, path: "accounts/{}/persons/{}", object: "person", params: getParams, handle: getPerson},
	{method: http.MethodPost, path: "accounts/{}/persons/{}", object: "person", params: personParams, handle: updatePerson},
	{method: http.MethodPost, path: "charges", object: "charge", params: chargeParams, handle: createCharge},
	{method: http.MethodGet, path: "charges", object: "list:charge", params: chargeListParams, handle: listCharges},
	{method: http.MethodGet, path: "charges/search", object: "search:charge", params: searchParams, handle: searchCharges},
	{method: http.MethodGet, path: "charges/{}", object: "charge", params: getParams, handle: getCharge},
	{method: http.MethodPost, path: "charges/{}", object: "charge", params: chargeUpdateParams, handle: updateCharge},
	{method: http.MethodPost, path: "charges/{}/capture", object: "charge", params: captureChargeParams, handle: captureCharge},
	{method: http.MethodGet, path: "balance_transactions", object: "list:balance_transaction", params: balanceTxListParams, handle: listBalanceTxs},
	{method: http.MethodGet, path: "balance_transactions/{}", object: "balance_transaction", params: getParams, handle: getBalanceTx},
	{method: http.MethodGet, path: "balance", object: "balance", params: getParams, handle: getBalance},
	{method: http.MethodPost, path: "payment_methods", object: "payment_method", publishable: true, params: paymentMethodParams, handle: createPaymentMethod},
	{method: http.MethodGet, path: "payment_methods", object: "list:payment_method", params: paymentMethodListParams, handle: listPaymentMethods},
	{method: http.MethodGet, path: "payment_methods/{}", object: "payment_method", params: getParams, handle: getPaymentMethod},
	{method: http.MethodPost, path: "payment_methods/{}", object: "payment_method", params: paymentMethodUpdateParams, handle: updatePaymentMethod},
	{method: http.MethodPost, path: "payment_methods/{}/attach", object: "payment_method", params: []string{"customer", "expand["}, handle: attachPaymentMethodTo},
	{method: http.MethodPost, path: "payment_methods/{}/detach", object: "payment_method", params: getParams, handle: detachPaymentMethod},
	{method: http.MethodGet, path: "customers/{}/payment_methods", object: "list:payment_method", params: customerPaymentMethodListParams, handle: listCustomerPaymentMethods},
	{method: http.MethodGet, path: "customers/{}/payment_methods/{}", object: "payment_method", params: getParams, handle: getCustomerPaymentMethod},
	{method: http.MethodPost, path: "payment_intents", object: "payment_intent", params: paymentIntentParams, handle: createPaymentIntent},
	{method: http.MethodGet, path: "payment_intents", object: "list:payment_intent", params: paymentIntentListParams, handle: listPaymentIntents},
	{method: http.MethodGet, path: "payment_intents/search", object: "search:payment_intent", params: searchParams, handle: searchPaymentIntents},
	{method: http.MethodGet, path: "payment_intents/{}", object: "payment_intent", publishable: true, params: withClientSecret(getParams), handle: getPaymentIntent},
	{method: http.MethodPost, path: "payment_intents/{}", object: "payment_intent", params: paymentIntentUpdateParams, handle: updatePaymentIntent},
	{method: http.MethodPost, path: "payment_intents/{}/confirm", object: "payment_intent", publishable: true, params: withClientSecret(confirmParams), handle: confirmPaymentIntentAt},
	{method: http.MethodPost, path: "payment_intents/{}/capture", object: "payment_intent", params: captureParams, handle: capturePaymentIntent},
	{method: http.MethodPost, path: "payment_intents/{}/cancel", object: "payment_intent", params: cancelParams, handle: cancelPaymentIntent},
	{method: http.MethodPost, path: "setup_intents", object: "setup_intent", params: setupIntentParams, handle: createSetupIntent},
	{method: http.MethodGet, path: "setup_intents", object: "list:setup_intent", params: setupIntentListParams, handle: listSetupIntents},
	{method: http.MethodGet, path: "setup_intents/{}", object: "setup_intent", publishable: true, params: withClientSecret(getParams), handle: getSetupIntent},
	{method: http.MethodPost, path: "setup_intents/{}", object: "setup_intent", params: setupIntentUpdateParams, handle: updateSetupIntent},
	{method: http.MethodPost, path: "setup_intents/{}/confirm", object: "setup_intent", publishable: true, params: withClientSecret(setupConfirmParams), handle: confirmSetupIntentAt},
	{method: http.MethodPost, path: "setup_intents/{}/cancel", object: "setup_intent", params: cancelParams, handle: cancelSetupIntent},
	{method: http.MethodGet, path: "events", object: "list:event", params: eventListParams, handle: listEvents},
	{method: http.MethodGet, path: "events/{}", object: "event", params: getParams, handle: getEvent},
	{method: http.MethodPost, path: "webhook_endpoints", object: "webhook_endpoint", params: endpointParams, handle: createEndpoint},
	{method: http.MethodGet, path: "webhook_endpoints", object: "list:webhook_endpoint", params: pageParams, handle: listEndpoints},
	{method: http.MethodGet, path: "webhook_endpoints/{}", object: "webhook_endpoint", params: getParams, handle: getEndpoint},
	{method: http.MethodPost, path: "webhook_endpoints/{}", object: "webhook_endpoint", params: endpointUpdateParams, handle: updateEndpoint},
	{method: http.MethodDelete, path: "webhook_endpoints/{}", object: "webhook_endpoint", params: nil, handle: deleteEndpoint},
}

var getParams = []string{"expand["}

// match finds the endpoint for /v1/<path> and the ids in the path.
func match(r *http.Request) (*endpoint, []string) {
	rest, ok := strings.CutPrefix(r.URL.Path, "/v1/")
	if !ok {
		return nil, nil
	}
	segs := strings.Split(rest, "/")
	for i := range endpoints {
		ep := &endpoints[i]
		if ep.method != r.Method {
			continue
		}
		if ids, ok := matchPath(patterns[i], segs); ok && !shadowed(i, segs) {
			return ep, ids
		}
	}
	return nil, nil
}

// patterns are the endpoints' paths split at their slashes, once: match
// looks at every endpoint of a request's method.
var patterns = func() [][]string {
	out := make([][]string, len(endpoints))
	for i, ep := range endpoints {
		out[i] = strings.Split(ep.path, "/")
	}
	return out
}()

func matchPath(pattern, segs []string) ([]string, bool) {
	if len(pattern) != len(segs) {
		return nil, false
	}
	var ids []string
	for i, p := range pattern {
		switch {
		case p == "{}" && segs[i] != "":
			ids = append(ids, segs[i])
		case p != segs[i]:
			return nil, false
		}
	}
	return ids, true
}
