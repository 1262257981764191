package emulator

import (
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/tokenscope/tokenscope/model"
)

// echoForms are one card number as a person may type it.
// and a secret key (built from two halves: no key in the source).
var echoForms = []string{"4000056655665556", "4000 0566 5566 5556", "4000-0566-5566-5556", "4000.0566.5566.5556",
	"sk_" + "live_51Habcdefghijklmnopqrstu"}

// echoBases are POST bodies that get far into each endpoint, so that a
// card number put in one of their params reaches the deepest check that
// reads it.
var echoBases = map[string]string{
	"tokens":    "card[number]=4242424242424242&card[exp_month]=12&card[exp_year]=2031&card[cvc]=123",
	"customers": "source=tok_visa&description=d",
	"charges":   "amount=1000&currency=usd&source=tok_visa",
}

// No answer of the emulator, refusal or not, holds a card number it was
// sent, nor a secret key: not in any parameter's value or name, not in a path id, not in
// the Idempotency-Key, the Stripe-Version or the Authorization header.
// Stripe quotes what it refuses ("No such token: '...'", "Invalid
// integer: ..."); the emulator masks a card number in that quote to its
// last 4.
func TestNoAnswerEchoesACardNumber(t *testing.T) {
	e, err := New(Options{Now: clock})
	if err != nil {
		t.Fatal(err)
	}
	sent := 0
	check := func(what string, rec interface {
		Result() *http.Response
	}, body string) {
		t.Helper()
		sent++
		if off, last4 := model.FindCardNumber([]byte(body), model.ScanTyped); off >= 0 {
			t.Errorf("%s: the answer holds card number …%s: %s", what, last4, body)
		}
		if off, _, _ := model.FindSecretKey([]byte(body), 8); off >= 0 {
			t.Errorf("%s: the answer holds a secret key: %s", what, body)
		}
	}
	for _, ep := range endpoints {
		for _, number := range echoForms {
			// The number as each id in the path.
			for slot := range strings.Count(ep.path, "{}") {
				path := "/v1/" + ep.path
				for i := range strings.Count(ep.path, "{}") {
					id := "cus_nothere"
					if i == slot {
						id = url.PathEscape(number)
					}
					path = strings.Replace(path, "{}", id, 1)
				}
				rec := do(t, e, ep.method, path, testKey, "", nil)
				check(ep.method+" "+path, rec, rec.Body.String())
			}
			path := "/v1/" + strings.ReplaceAll(ep.path, "{}", "cus_nothere")
			// The number in each param, over a body that gets far, and
			// as a param's name.
			params := append([]string{number, "expand[0]", "card[" + number + "]"}, ep.params...)
			for _, p := range params {
				if strings.HasSuffix(p, "[") {
					p += "0]"
				}
				form, _ := url.ParseQuery(echoBases[ep.path])
				form.Set(p, number)
				target, body := path, form.Encode()
				if ep.method == http.MethodGet {
					target, body = path+"?"+body, ""
				}
				rec := do(t, e, ep.method, target, testKey, body, nil)
				check(ep.method+" "+path+" "+p, rec, rec.Body.String())
			}
			// The number in the headers a request sends.
			for _, h := range []map[string]string{
				{"Idempotency-Key": number}, {"Stripe-Version": number},
			} {
				for range 2 { // a reused key with other params is an idempotency_error
					rec := do(t, e, ep.method, path, testKey, echoBases[ep.path]+"&description="+url.QueryEscape(number[:3]), h)
					check(ep.method+" "+path+" header", rec, rec.Body.String())
				}
			}
			rec := do(t, e, ep.method, path, number, "", nil)
			check(ep.method+" "+path+" as the key", rec, rec.Body.String())
		}
	}
	if sent < 100 {
		t.Fatalf("only %d requests sent", sent)
	}
}
