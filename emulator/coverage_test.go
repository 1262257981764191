package emulator

import (
	"encoding/json"
	"errors"
	"net/http"
	"net/http/httptest"
	"slices"
	"strings"
	"testing"
)

// TestEveryEndpointAndStatus sends each endpoint a request for every
// status it answers (do checks each answer against Stripe's spec), and
// fails if an endpoint lacks one: a new endpoint comes with its answers.
func TestEveryEndpointAndStatus(t *testing.T) {
	e, _ := New(Options{Now: clock})
	broken, _ := New(Options{Store: failingStore{errors.New("disk gone")}, Now: clock})
	post := func(path, body string) map[string]any {
		t.Helper()
		rec := do(t, e, "POST", path, testKey, body, nil)
		if rec.Code != 200 {
			t.Fatalf("POST %s: %d %s", path, rec.Code, rec.Body)
		}
		var m map[string]any
		json.Unmarshal(rec.Body.Bytes(), &m)
		return m
	}
	cus := post("/v1/customers", "source=tok_visa")
	cusID, card := cus["id"].(string), cus["default_source"].(string)
	btok := post("/v1/tokens", "bank_account[country]=US&bank_account[currency]=usd&bank_account[routing_number]=110000000&bank_account[account_number]=000123456789")
	bcus := post("/v1/customers", "source="+btok["id"].(string))
	bcusID, bank := bcus["id"].(string), bcus["default_source"].(string)
	charged := post("/v1/charges", "amount=1000&currency=usd&source=tok_visa")
	ch, txn := charged["id"].(string), charged["balance_transaction"].(string)
	tok := post("/v1/tokens", "pii[id_number]=000000000")["id"].(string)
	re := post("/v1/refunds", "charge="+ch+"&amount=100")["id"].(string)
	dtok := post("/v1/tokens", "card[number]=4000000000000259&card[exp_month]=12&card[exp_year]=2031&card[cvc]=123")["id"].(string)
	dch := post("/v1/charges", "amount=1000&currency=usd&source="+dtok)["id"].(string)
	du := do(t, e, "GET", "/v1/disputes?charge="+dch, testKey, "", nil)
	var dus struct{ Data []struct{ ID string } }
	json.Unmarshal(du.Body.Bytes(), &dus)
	if len(dus.Data) != 1 {
		t.Fatalf("the dispute card opened no dispute: %s", du.Body)
	}
	dispute := dus.Data[0].ID
	acct := post("/v1/accounts", "type=custom&business_type=company")["id"].(string)
	person := post("/v1/accounts/"+acct+"/persons", "first_name=Jenny")["id"].(string)
	we := post("/v1/webhook_endpoints", "url=http://127.0.0.1:9/hook&enabled_events[0]=*")["id"].(string)
	evt := firstEvent(t, e)
	pm := post("/v1/payment_methods", "type=card&card[token]=tok_visa")["id"].(string)
	pi := post("/v1/payment_intents", "amount=1000&currency=usd&payment_method_types[]=card&payment_method=pm_card_visa")["id"].(string)
	newPI := func(body string) string {
		return post("/v1/payment_intents", "amount=1000&currency=usd&payment_method_types[]=card&"+body)["id"].(string)
	}
	seti := post("/v1/setup_intents", "payment_method_types[]=card&payment_method=pm_card_visa&customer="+cusID)["id"].(string)
	newSI := func(body string) string {
		return post("/v1/setup_intents", "payment_method_types[]=card&"+body)["id"].(string)
	}

	type req struct {
		method, path, body string
		status             int
	}
	var reqs []req
	// Every endpoint: authentication, an unknown parameter, an unknown
	// version, an unknown connected account and a store that fails.
	for _, ep := range endpoints {
		path := "/v1/" + strings.NewReplacer("customers/{}", "customers/"+cusID, "tokens/{}", "tokens/"+tok,
			"charges/{}", "charges/"+ch, "sources/{}", "sources/"+card, "cards/{}", "cards/"+card,
			"bank_accounts/{}", "bank_accounts/"+bank, "balance_transactions/{}", "balance_transactions/"+txn,
			"payment_methods/{}", "payment_methods/"+pm, "payment_intents/{}", "payment_intents/"+pi,
			"refunds/{}", "refunds/"+re, "disputes/{}", "disputes/"+dispute,
			"accounts/{}", "accounts/"+acct, "persons/{}", "persons/"+person,
			"events/{}", "events/"+evt, "webhook_endpoints/{}", "webhook_endpoints/"+we,
			"setup_intents/{}", "setup_intents/"+seti).Replace(ep.path)
		reqs = append(reqs, req{ep.method, path, "", 401}, req{ep.method, path + "?frobnicate=1", "", 400},
			req{ep.method, path + "?expand[]=zzz", "", 400}, req{ep.method, path, "version", 400},
			req{ep.method, path, "account", 403},
			req{ep.method, path, "broken", 500})
	}
	reqs = append(reqs,
		req{"POST", "/v1/tokens", "card[number]=4242424242424242&card[exp_month]=12&card[exp_year]=2031&card[cvc]=123", 200},
		req{"POST", "/v1/tokens", "card[number]=4242424242424241&card[exp_month]=12&card[exp_year]=2031", 402},
		req{"GET", "/v1/tokens/tok_visa", "", 200},
		req{"GET", "/v1/tokens/tok_nope", "", 404},
		req{"POST", "/v1/customers", "email=jenny@example.com&name=Jenny&phone=555&address[line1]=1+Main+St&metadata[k]=v", 200},
		req{"POST", "/v1/customers", "email=jenny", 400},
		req{"POST", "/v1/customers", "source=tok_chargeDeclined", 402},
		req{"GET", "/v1/customers", "", 200},
		req{"GET", "/v1/customers/search?query=email~%22example%22&expand[]=total_count", "", 200}, req{"GET", "/v1/customers/search?query=email~%22example%22", "broken", 500},
		req{"GET", "/v1/customers/" + cusID, "", 200},
		req{"GET", "/v1/customers/cus_nope", "", 404},
		req{"POST", "/v1/customers/" + cusID, "email=jenny@example.com&address[city]=Paris", 200},
		req{"POST", "/v1/customers/cus_nope", "email=jenny@example.com", 404},
		req{"POST", "/v1/customers/" + cusID, "default_source=card_nope", 400},
		req{"POST", "/v1/customers/" + cusID, "source=tok_chargeDeclined", 402},
		req{"DELETE", "/v1/customers/" + post("/v1/customers", "")["id"].(string), "", 200},
		req{"DELETE", "/v1/customers/cus_nope", "", 404},
		req{"GET", "/v1/customers/" + cusID + "/sources", "", 200},
		req{"GET", "/v1/customers/cus_nope/sources", "", 404},
		req{"POST", "/v1/customers/" + cusID + "/sources", "source=tok_mastercard", 200},
		req{"POST", "/v1/customers/" + cusID + "/sources", "source=" + post("/v1/tokens", "bank_account[country]=US&bank_account[currency]=usd&bank_account[routing_number]=110000000&bank_account[account_number]=000222222227")["id"].(string), 200},
		req{"POST", "/v1/customers/" + cusID + "/sources", "source=tok_chargeDeclined", 402},
		req{"POST", "/v1/customers/cus_nope/sources", "source=tok_visa", 404},
		req{"DELETE", "/v1/customers/" + cusID + "/sources/" + post("/v1/customers/"+cusID+"/sources", "source=tok_amex")["id"].(string), "", 200},
		req{"DELETE", "/v1/customers/" + bcusID + "/sources/" + post("/v1/customers/"+bcusID+"/sources", "source="+post("/v1/tokens", "bank_account[country]=US&bank_account[currency]=usd&bank_account[routing_number]=110000000&bank_account[account_number]=000333333335")["id"].(string))["id"].(string), "", 200},
		req{"DELETE", "/v1/customers/" + cusID + "/sources/card_nope", "", 404},
		req{"GET", "/v1/customers/" + cusID + "/sources/" + card, "", 200},
		req{"GET", "/v1/customers/" + cusID + "/sources/card_nope", "", 404},
		req{"POST", "/v1/customers/" + cusID + "/sources/" + card, "exp_month=3&exp_year=2034&name=Jo&address_zip=94107&metadata[k]=v", 200},
		req{"POST", "/v1/customers/" + bcusID + "/sources/" + bank, "account_holder_name=Jo&account_holder_type=company&metadata[k]=v", 200},
		req{"POST", "/v1/customers/" + cusID + "/sources/" + card, "exp_month=13", 402},
		req{"POST", "/v1/customers/" + cusID + "/sources/card_nope", "name=Jo", 404},
		req{"GET", "/v1/customers/" + cusID + "/cards", "", 200},
		req{"GET", "/v1/customers/cus_nope/cards", "", 404},
		req{"GET", "/v1/customers/" + cusID + "/cards/" + card, "", 200},
		req{"GET", "/v1/customers/" + cusID + "/cards/card_nope", "", 404},
		req{"GET", "/v1/customers/" + bcusID + "/bank_accounts", "", 200},
		req{"GET", "/v1/customers/cus_nope/bank_accounts", "", 404},
		req{"GET", "/v1/customers/" + bcusID + "/bank_accounts/" + bank, "", 200},
		req{"GET", "/v1/customers/" + bcusID + "/bank_accounts/ba_nope", "", 404},
		req{"POST", "/v1/charges", "amount=1000&currency=usd&source=tok_visa&metadata[k]=v&receipt_email=j@example.com&statement_descriptor_suffix=X", 200},
		req{"POST", "/v1/charges", "amount=1000&currency=usd&source=tok_chargeDeclined", 402},
		req{"GET", "/v1/charges", "", 200},
		req{"GET", "/v1/charges/search?query=amount%3E100&expand[]=total_count", "", 200}, req{"GET", "/v1/charges/search?query=amount%3E100", "broken", 500},
		req{"GET", "/v1/charges/" + ch, "", 200},
		req{"GET", "/v1/charges/ch_nope", "", 404},
		req{"POST", "/v1/charges/" + ch, "description=hat&metadata[order]=42", 200},
		req{"POST", "/v1/charges/" + ch, "receipt_email=nope", 400},
		req{"POST", "/v1/charges/ch_nope", "description=hat", 404},
		req{"POST", "/v1/charges/" + post("/v1/charges", "amount=1000&currency=usd&source=tok_visa&capture=false")["id"].(string) + "/capture", "amount=600&receipt_email=j@example.com&expand[]=balance_transaction", 200},
		req{"POST", "/v1/charges/" + ch + "/capture", "", 400},
		req{"POST", "/v1/charges/ch_nope/capture", "", 404},
		req{"POST", "/v1/refunds", "charge=" + ch + "&amount=100&metadata[k]=v", 200},
		req{"POST", "/v1/refunds", "charge=ch_nope", 400},
		req{"GET", "/v1/refunds", "", 200},
		req{"GET", "/v1/refunds/" + re, "", 200},
		req{"GET", "/v1/refunds/re_nope", "", 404},
		req{"POST", "/v1/refunds/" + re, "metadata[order]=1", 200},
		req{"POST", "/v1/refunds/" + re, "metadata=x", 400},
		req{"POST", "/v1/refunds/re_nope", "metadata[order]=1", 404},
		req{"GET", "/v1/disputes", "", 200},
		req{"GET", "/v1/disputes/" + dispute, "", 200},
		req{"GET", "/v1/disputes/du_nope", "", 404},
		req{"POST", "/v1/disputes/" + dispute, "submit=false&evidence[product_description]=a+hat", 200},
		req{"POST", "/v1/disputes/du_nope", "submit=false", 404},
		req{"POST", "/v1/disputes/" + dispute + "/close", "", 200},
		req{"POST", "/v1/disputes/du_nope/close", "", 404},
		req{"POST", "/v1/customers/" + bcusID + "/sources/" + bank + "/verify", "amounts[]=1&amounts[]=2", 402},
		req{"POST", "/v1/customers/" + bcusID + "/sources/" + bank + "/verify", "amounts[]=32&amounts[]=45", 200},
		req{"POST", "/v1/customers/" + bcusID + "/sources/ba_nope/verify", "amounts[]=32&amounts[]=45", 404},
		req{"POST", "/v1/accounts", "type=custom&business_type=company&company[name]=Acme&company[address][city]=X&business_profile[url]=https://acme.example&tos_acceptance[date]=1700000000&capabilities[transfers][requested]=true&metadata[k]=v", 200},
		req{"GET", "/v1/accounts/" + acct, "", 200},
		req{"GET", "/v1/accounts/acct_nope", "", 404},
		req{"GET", "/v1/accounts", "", 200},
		req{"GET", "/v1/accounts?limit=1&starting_after=" + acct, "", 200},
		req{"POST", "/v1/accounts", "type=express&business_profile[url]=https://example.com&tos_acceptance[date]=1700000000&tos_acceptance[ip]=127.0.0.1", 200},
		req{"POST", "/v1/accounts", "type=standard", 200},
		req{"POST", "/v1/accounts", "type=platinum", 400},
		req{"GET", "/v1/accounts/" + acct + "/persons", "", 200},
		req{"GET", "/v1/accounts/" + acct + "/persons?relationship[representative]=true", "", 200},
		req{"GET", "/v1/accounts/" + acct + "/persons?relationship[pet]=true", "", 400},
		req{"GET", "/v1/accounts/acct_nope/persons", "", 404},
		req{"POST", "/v1/accounts/" + acct + "/persons", "first_name=Ada&relationship[owner]=true&relationship[percent_ownership]=40&relationship[title]=CEO", 200},
		req{"POST", "/v1/accounts/" + acct, "email=jenny@example.com", 200},
		req{"POST", "/v1/accounts/acct_nope", "email=jenny@example.com", 404},
		req{"POST", "/v1/accounts/" + acct + "/persons", "first_name=Jenny&email=j@example.com&relationship[owner]=true&relationship[percent_ownership]=50&metadata[k]=v", 200},
		req{"POST", "/v1/accounts/acct_nope/persons", "first_name=Jenny", 404},
		req{"GET", "/v1/accounts/" + acct + "/persons/" + person, "", 200},
		req{"GET", "/v1/accounts/" + acct + "/persons/person_nope", "", 404},
		req{"POST", "/v1/accounts/" + acct + "/persons/" + person, "id_number=" + post("/v1/tokens", "pii[id_number]=000000000")["id"].(string), 200},
		req{"POST", "/v1/accounts/" + acct + "/persons/person_nope", "first_name=Jenny", 404},
		req{"GET", "/v1/events", "", 200},
		req{"GET", "/v1/events/" + evt, "", 200},
		req{"GET", "/v1/events/evt_nope", "", 404},
		req{"POST", "/v1/webhook_endpoints", "url=http://localhost:4242/hook&enabled_events[]=charge.succeeded&api_version=2024-06-20&metadata[k]=v", 200},
		req{"GET", "/v1/webhook_endpoints", "", 200},
		req{"GET", "/v1/webhook_endpoints/" + we, "", 200},
		req{"GET", "/v1/webhook_endpoints/we_nope", "", 404},
		req{"POST", "/v1/webhook_endpoints/" + we, "description=mine", 200},
		req{"POST", "/v1/webhook_endpoints/we_nope", "description=mine", 404},
		req{"DELETE", "/v1/webhook_endpoints/" + we, "", 200},
		req{"DELETE", "/v1/webhook_endpoints/we_nope", "", 404},
		req{"GET", "/v1/balance_transactions", "", 200},
		req{"GET", "/v1/balance_transactions?type=charge&source=" + ch + "&expand[]=data.source", "", 200},
		req{"GET", "/v1/balance_transactions/" + txn, "", 200},
		req{"GET", "/v1/balance_transactions/txn_nope", "", 404},
		req{"GET", "/v1/balance", "", 200},
		req{"POST", "/v1/payment_methods", "type=card&card[token]=tok_visa&billing_details[email]=q@example.com&metadata[k]=v", 200},
		req{"POST", "/v1/payment_methods", "type=card&card[number]=4242424242424242&card[exp_month]=12&card[exp_year]=2031&card[cvc]=123", 200},
		req{"POST", "/v1/payment_methods", "type=card&card[token]=tok_chargeDeclined&customer=" + cusID, 402},
		req{"GET", "/v1/payment_methods", "", 200},
		req{"GET", "/v1/payment_methods/" + pm, "", 200},
		req{"GET", "/v1/payment_methods/pm_card_visa", "", 200},
		req{"GET", "/v1/payment_methods/pm_nope", "", 404},
		req{"POST", "/v1/payment_methods/" + pm + "/attach", "customer=" + cusID, 200},
		req{"GET", "/v1/customers/" + cusID + "/payment_methods/" + pm, "", 200},
		req{"GET", "/v1/customers/" + cusID + "/payment_methods/pm_card_visa", "", 404},
		req{"POST", "/v1/payment_methods/" + pm, "billing_details[name]=Jo&card[exp_month]=1&card[exp_year]=2033&metadata[k]=v", 200},
		req{"POST", "/v1/payment_methods/" + pm, "card[exp_month]=13", 402},
		req{"POST", "/v1/payment_methods/pm_nope", "metadata[k]=v", 404},
		req{"POST", "/v1/payment_methods/pm_card_chargeDeclined/attach", "customer=" + cusID, 402},
		req{"POST", "/v1/payment_methods/pm_nope/attach", "customer=" + cusID, 404},
		req{"GET", "/v1/customers/" + cusID + "/payment_methods", "", 200},
		req{"GET", "/v1/customers/cus_nope/payment_methods", "", 404},
		req{"POST", "/v1/payment_methods/" + pm + "/detach", "", 200},
		req{"POST", "/v1/payment_methods/pm_nope/detach", "", 404},
		req{"POST", "/v1/payment_intents", "amount=1000&currency=usd&payment_method_types[]=card&payment_method=pm_card_visa&confirm=true&metadata[k]=v", 200},
		req{"POST", "/v1/payment_intents", "amount=1000&currency=usd&automatic_payment_methods[enabled]=true&automatic_payment_methods[allow_redirects]=never", 200},
		req{"POST", "/v1/payment_intents", "amount=1000&currency=usd&payment_method=pm_card_threeDSecure2Required&confirm=true&return_url=https://example.com/done", 200},
		req{"POST", "/v1/payment_intents", "amount=1000&currency=usd&payment_method_types[]=card&payment_method=pm_card_chargeDeclined&confirm=true", 402},
		req{"GET", "/v1/payment_intents", "", 200},
		req{"GET", "/v1/payment_intents/search?query=status:%22succeeded%22&expand[]=total_count", "", 200}, req{"GET", "/v1/payment_intents/search?query=status:%22succeeded%22", "broken", 500},
		req{"GET", "/v1/payment_intents/" + pi, "", 200},
		req{"GET", "/v1/payment_intents/pi_nope", "", 404},
		req{"POST", "/v1/payment_intents/" + newPI(""), "amount=2000&description=hat&payment_method=pm_card_visa", 200},
		req{"POST", "/v1/payment_intents/" + newPI("payment_method=pm_card_visa&confirm=true"), "amount=2000", 400},
		req{"POST", "/v1/payment_intents/pi_nope", "amount=2000", 404},
		req{"POST", "/v1/payment_intents/" + newPI("payment_method=pm_card_visa") + "/confirm", "", 200},
		req{"POST", "/v1/payment_intents/" + newPI("payment_method=pm_card_authenticationRequired") + "/confirm", "", 200},
		req{"POST", "/v1/payment_intents/" + newPI("") + "/confirm", "payment_method=pm_card_visa_chargeDeclinedInsufficientFunds", 402},
		req{"POST", "/v1/payment_intents/pi_nope/confirm", "", 404},
		req{"POST", "/v1/payment_intents/" + newPI("payment_method=pm_card_visa&confirm=true&capture_method=manual") + "/capture", "amount_to_capture=500", 200},
		req{"POST", "/v1/payment_intents/" + newPI("payment_method=pm_card_visa&confirm=true") + "/capture", "", 400},
		req{"POST", "/v1/payment_intents/pi_nope/capture", "", 404},
		req{"POST", "/v1/payment_intents/" + newPI("") + "/cancel", "cancellation_reason=abandoned", 200},
		req{"POST", "/v1/payment_intents/" + newPI("payment_method=pm_card_visa&confirm=true") + "/cancel", "", 400},
		req{"POST", "/v1/payment_intents/pi_nope/cancel", "", 404},
		req{"POST", "/v1/setup_intents", "payment_method=pm_card_visa&confirm=true&customer=" + cusID + "&usage=on_session&description=d&metadata[k]=v&payment_method_types[]=card", 200},
		req{"POST", "/v1/setup_intents", "payment_method=pm_card_visa&confirm=true", 400}, // automatic payment methods, no return_url
		req{"POST", "/v1/setup_intents", "payment_method=pm_card_authenticationRequired&confirm=true&return_url=https://example.com/done", 200},
		req{"POST", "/v1/setup_intents", "automatic_payment_methods[enabled]=true&automatic_payment_methods[allow_redirects]=never", 200},
		req{"POST", "/v1/setup_intents", "payment_method=pm_card_chargeDeclined&confirm=true&payment_method_types[]=card", 402},
		req{"POST", "/v1/setup_intents", "customer=cus_nope", 400},
		req{"POST", "/v1/setup_intents", "usage=sometimes", 400},
		req{"GET", "/v1/setup_intents", "", 200},
		req{"GET", "/v1/setup_intents?customer=" + cusID + "&payment_method=pm_nope&created[gte]=1&limit=2", "", 200},
		req{"GET", "/v1/setup_intents/" + seti, "", 200},
		req{"GET", "/v1/setup_intents/seti_nope", "", 404},
		req{"POST", "/v1/setup_intents/" + newSI(""), "description=hat&payment_method=pm_card_visa&metadata[k]=v", 200},
		req{"POST", "/v1/setup_intents/" + newSI("payment_method=pm_card_visa&confirm=true"), "payment_method=pm_card_mastercard", 400},
		req{"POST", "/v1/setup_intents/seti_nope", "description=hat", 404},
		req{"POST", "/v1/setup_intents/" + newSI("payment_method=pm_card_visa") + "/confirm", "", 200},
		req{"POST", "/v1/setup_intents/" + newSI("") + "/confirm", "payment_method=pm_card_authenticationRequiredOnSetup&return_url=https://example.com/done", 200},
		req{"POST", "/v1/setup_intents/" + newSI("") + "/confirm", "payment_method=pm_card_visa_chargeDeclinedInsufficientFunds", 402},
		req{"POST", "/v1/setup_intents/" + newSI("payment_method=pm_card_visa&confirm=true") + "/confirm", "", 400},
		req{"POST", "/v1/setup_intents/seti_nope/confirm", "", 404},
		req{"POST", "/v1/setup_intents/" + newSI("") + "/cancel", "cancellation_reason=abandoned", 200},
		req{"POST", "/v1/setup_intents/" + newSI("payment_method=pm_card_visa&confirm=true") + "/cancel", "", 400},
		req{"POST", "/v1/setup_intents/seti_nope/cancel", "", 404},
		req{"GET", "/v1/nothing", "", 404},
	)

	seen := map[string][]int{}
	for _, r := range reqs {
		h, key, body, header := http.Handler(e), testKey, r.body, map[string]string{}
		switch r.body {
		case "version":
			header["Stripe-Version"], body = "2019-2-19", ""
		case "account":
			header["Stripe-Account"], body = "acct_nope", ""
		case "broken":
			h, body = broken, ""
		}
		if r.status == 401 {
			key = ""
		}
		if r.method == "GET" && body != "" {
			t.Fatalf("GET with a body: %+v", r)
		}
		rec := do(t, h, r.method, r.path, key, body, header)
		if rec.Code != r.status {
			t.Errorf("%s %s %s: %d, want %d: %s", r.method, r.path, r.body, rec.Code, r.status, rec.Body)
		}
		if ep, _ := match(httptest.NewRequest(r.method, r.path, nil)); ep != nil {
			seen[ep.method+" "+ep.path] = append(seen[ep.method+" "+ep.path], rec.Code)
		}
	}
	for _, ep := range endpoints {
		want := []int{200, 400, 401, 403, 500}
		if strings.Contains(ep.path, "{}") {
			want = append(want, 404)
		}
		if ep.method == "POST" && !neverDeclines[ep.path] {
			want = append(want, 402)
		}
		for _, status := range want {
			if !slices.Contains(seen[ep.method+" "+ep.path], status) {
				t.Errorf("%s /v1/%s: no %d checked against the spec", ep.method, ep.path, status)
			}
		}
	}
}

// neverDeclines are the POST endpoints that charge nothing and attach
// nothing, so answer no 402.
var neverDeclines = map[string]bool{
	// Webhook endpoints are settings: nothing about them declines.
	"webhook_endpoints": true, "webhook_endpoints/{}": true,
	"payment_methods/{}/detach": true, "payment_intents/{}": true, "payment_intents/{}/capture": true, "payment_intents/{}/cancel": true,
	"setup_intents/{}": true, "setup_intents/{}/cancel": true,
	"refunds": true, "refunds/{}": true, "charges/{}": true, "charges/{}/capture": true, "disputes/{}": true, "disputes/{}/close": true,
	"accounts": true, "accounts/{}": true, "accounts/{}/persons": true, "accounts/{}/persons/{}": true,
}
