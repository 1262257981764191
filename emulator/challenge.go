package emulator

import (
	"crypto/subtle"
	"encoding/json"
	"html/template"
	"io"
	"net/http"
	"net/url"
	"strings"

	"github.com/tokenscope/tokenscope/model"
)

// The 3D Secure test page. Stripe's test mode sends a challenged
// PaymentIntent's (or SetupIntent's) customer to a page with "Complete"
// and "Fail" buttons; the emulator serves its own at next_action's URL,
// /3ds/{pi or seti}?client_secret=..: GET shows it, POST
// action=complete|fail ends the challenge. The client secret in the URL
// is what lets the holder of the link, and no one else, answer it. A
// browser is sent on to the intent's return_url afterwards, as Stripe
// does; a POST asking for JSON (tokenscope authenticate) gets the intent.

const challengePath = model.EmulatorChallengePath

// maxChallengeForm bounds the page's form: two short fields.
const maxChallengeForm = 4 << 10

func isChallenge(r *http.Request) bool { return strings.HasPrefix(r.URL.Path, challengePath) }

// challengeURL is the challenge page of the intent id, which the intent's
// client secret opens, at the address the call c reached.
func challengeURL(c *call, id, clientSecret string) string {
	return c.base + challengePath + id + "?client_secret=" + url.QueryEscape(clientSecret)
}

// baseURL is where r reached the emulator: http, and its Host.
func baseURL(r *http.Request) string {
	scheme := "http"
	if r.TLS != nil {
		scheme = "https"
	}
	return scheme + "://" + r.Host
}

var challengePage = template.Must(template.New("3ds").Parse(`<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>3D Secure test page</title>
<style>body{font:16px system-ui,sans-serif;max-width:32em;margin:3em auto;padding:0 1em}
button{font-size:1em;padding:.5em 1.5em;margin-right:1em}</style></head>
<body><h1>3D Secure test {{if .Amount}}payment{{else}}card setup{{end}}</h1>
<p id="what">{{if .Amount}}{{.Amount}} on{{else}}Saving{{end}} {{.Card}} for <code>{{.ID}}</code>.</p>
{{if .Open}}<p>This is tokenscope's offline emulator standing in for the issuer's page, as Stripe's test mode does.</p>
<form method="post"><input type="hidden" name="client_secret" value="{{.Secret}}">
<button id="complete" name="action" value="complete">Complete</button>
<button id="fail" name="action" value="fail">Fail</button></form>
{{else}}<p id="status">Status: <b>{{.Status}}</b>.{{if .Error}} {{.Error}}{{end}}</p>{{end}}
</body></html>
`))

// challengeView is what the page shows; Amount is "" for a setup.
type challengeView struct {
	ID, Amount, Card, Secret, Status, Error string
	Open                                    bool
	// method is the PaymentMethod whose card the page names.
	method string
}

// challenged is an intent the page answers for: a PaymentIntent, or a
// SetupIntent (setupintent_challenge.go).
type challenged interface {
	clientSecret() string
	// challengeOpen: it waits for the challenge (requires_action).
	challengeOpen() bool
	// answer ends the challenge, completed or failed, and returns the
	// intent as its GET renders it.
	answer(c *call, complete bool) any
	rendered() any
	// returnTo is the return_url with what Stripe adds to it, "" for
	// none a browser can go to.
	returnTo() string
	view() challengeView
}

// findChallenged reads the intent id names.
func findChallenged(o *objects, id string) (challenged, bool) {
	if strings.HasPrefix(id, setupIntentPrefix) {
		if si, ok := o.setupIntent(id); ok {
			return si, true
		}
		return nil, false
	}
	if pi, ok := o.paymentIntent(id); ok {
		return pi, true
	}
	return nil, false
}

func (e *Emulator) serveChallenge(w http.ResponseWriter, r *http.Request) {
	h := w.Header()
	h.Set("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'")
	h.Set("X-Frame-Options", "DENY")
	h.Set("Referrer-Policy", "no-referrer")
	h.Set("Cache-Control", "no-store")
	id := strings.TrimPrefix(r.URL.Path, challengePath)
	secret := r.URL.Query().Get("client_secret")
	action := ""
	switch r.Method {
	case http.MethodGet, http.MethodHead:
	case http.MethodPost:
		body, err := io.ReadAll(io.LimitReader(r.Body, maxChallengeForm+1))
		form, perr := url.ParseQuery(string(body))
		if err != nil || perr != nil || len(body) > maxChallengeForm {
			http.Error(w, "bad form", http.StatusBadRequest)
			return
		}
		secret = cmpOr(form.Get("client_secret"), secret)
		action = form.Get("action")
		if action != "complete" && action != "fail" {
			http.Error(w, "action must be complete or fail", http.StatusBadRequest)
			return
		}
	default:
		h.Set("Allow", "GET, POST")
		http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
		return
	}
	now := e.now()
	var (
		in    challenged
		found bool
		out   any
	)
	run := func(o *objects) {
		c := &call{objs: o, now: now, base: baseURL(r)}
		in, found = findChallenged(o, id)
		if !found || subtle.ConstantTimeCompare([]byte(secret), []byte(in.clientSecret())) != 1 {
			found = false
			return
		}
		if action != "" && in.challengeOpen() {
			out = in.answer(c, action == "complete")
		}
	}
	var err error
	if action == "" {
		err = e.store.View(r.Context(), func(rd Reader) error { o := &objects{r: rd, key: e.key}; run(o); return o.err })
	} else {
		// The answer is written as any request's writes are, so its events
		// (payment_intent.succeeded, charge.succeeded, payment_failed) are
		// made; they name no request, as Stripe's for a challenge do.
		var o *objects
		err = e.store.Update(r.Context(), func(tx Tx) error {
			o = &objects{r: tx, tx: tx, key: e.key, now: now, origin: &origin{now: now}, allowCards: e.opts.AllowCardNumbersInText}
			run(o)
			return o.err
		})
		if err == nil && o.events > 0 {
			e.made.tell()
		}
	}
	switch {
	case err != nil:
		http.Error(w, "the emulator could not read or write its objects", http.StatusInternalServerError)
		return
	case !found:
		http.Error(w, "no such challenge: the link is wrong, or from another emulator", http.StatusNotFound)
		return
	}
	if action != "" && strings.Contains(r.Header.Get("Accept"), "application/json") {
		if out == nil {
			out = in.rendered()
		}
		h.Set("Content-Type", "application/json")
		_ = json.NewEncoder(w).Encode(out)
		return
	}
	if back := in.returnTo(); action != "" && out != nil && back != "" {
		http.Redirect(w, r, back, http.StatusSeeOther)
		return
	}
	view := in.view()
	view.Secret = secret
	if pm, ok := e.paymentMethodOf(r, view.method); ok {
		view.Card = pm.Card.Brand + " •••• " + pm.Card.Last4
	}
	h.Set("Content-Type", "text/html; charset=utf-8")
	_ = challengePage.Execute(w, view)
}

// The PaymentIntent's side of the page.

func (pi *paymentIntentRec) challengeOpen() bool { return pi.Status == model.PIRequiresAction }
func (pi *paymentIntentRec) rendered() any       { return renderPaymentIntent(pi) }

func (pi *paymentIntentRec) answer(c *call, complete bool) any {
	out, _ := finishChallenge(c, pi, complete)
	return out
}

func (pi *paymentIntentRec) returnTo() string {
	if !returnable(pi.ReturnURL) {
		return ""
	}
	return withRedirectStatus(pi.ReturnURL, "payment_intent", pi.ID, pi.clientSecret(), pi.Status)
}

// view names the PaymentMethod pi was confirmed with (the failed one
// after a failure).
func (pi *paymentIntentRec) view() challengeView {
	v := challengeView{ID: pi.ID, Amount: model.FormatAmount(pi.Amount, pi.Currency), Status: pi.Status,
		Open: pi.challengeOpen(), method: pi.PaymentMethod}
	if pi.LastError != nil {
		v.Error = pi.LastError.Message
		v.method = cmpOr(v.method, pi.LastError.PaymentMethod)
	}
	return v
}

// paymentMethodOf reads the PaymentMethod id, for the page to name its
// card.
func (e *Emulator) paymentMethodOf(r *http.Request, id string) (*paymentMethodRec, bool) {
	var pm *paymentMethodRec
	var ok bool
	_ = e.store.View(r.Context(), func(rd Reader) error {
		pm, ok = (&objects{r: rd}).paymentMethodFor(id, "")
		return nil
	})
	return pm, ok
}

// returnable: a browser is sent on only to a web page; an app's own
// scheme (myapp://) means nothing to it.
func returnable(u string) bool {
	p, err := url.Parse(u)
	return err == nil && (p.Scheme == "http" || p.Scheme == "https") && p.Host != ""
}

// withRedirectStatus is a return_url with what Stripe adds to it: the
// intent (kind payment_intent or setup_intent), its client secret, and
// whether it failed (back in requires_payment_method).
func withRedirectStatus(returnURL, kind, id, secret, status string) string {
	u, _ := url.Parse(returnURL)
	q := u.Query()
	redirect := "succeeded"
	if status == model.PIRequiresPaymentMethod {
		redirect = "failed"
	}
	q.Set(kind, id)
	q.Set(kind+"_client_secret", secret)
	q.Set("redirect_status", redirect)
	u.RawQuery = q.Encode()
	return u.String()
}
