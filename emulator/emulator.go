// Package emulator is tokenscope's offline Stripe: an http.Handler speaking
// the slice of Stripe's /v1 API that tokenscope uses (tokens, customers,
// charges) and behaving as Stripe's test mode does with the test data of
// model's catalog: Luhn and expiry errors at tokenization, declines at charge
// time, single-use tokens, magic tokens, request ids and idempotency. stripe-go
// talks to it unchanged, over a socket or in-process.
package emulator

import (
	"encoding/json"
	"errors"
	"net"
	"net/http"
	"time"

	"github.com/tokenscope/tokenscope/internal/fsutil"
	"github.com/tokenscope/tokenscope/model"
)

// Options configures an Emulator.
type Options struct {
	// Store keeps the objects; nil means the log store in Dir.
	Store Store
	// Dir is the state dir, when Store is nil: objects live in a log and
	// snapshots in Dir (emulator-*.log, emulator-*.snapshot; 0600, dir
	// 0700, made on the first write), shared with other processes using
	// the same Dir. "" keeps them in memory only. The secret key of its
	// fingerprints is kept in Dir (emulator-secret.key) even with a
	// Store, or in memory with Dir "".
	Dir string
	// Keep bounds what the log store in Dir keeps (MaxObjects,
	// ExpireAfter) and says where it reports repairs (Logf). Its Now is
	// ignored: the store's clock is the emulator's.
	Keep LogOptions
	// Now is the clock for created timestamps, idempotency expiry and the
	// log store's expiry; nil means time.Now.
	Now func() time.Time
	// AllowRemoteWebhooks lets webhook endpoints name URLs off loopback.
	AllowRemoteWebhooks bool
	// AllowCardNumbersInText takes and stores text holding what reads as
	// a card number (cardtext.go).
	AllowCardNumbersInText bool
}

// Emulator is an http.Handler that serves Stripe's /v1 API. It is safe for
// concurrent use. It starts no goroutines of its own; its log store runs
// one while it compacts.
type Emulator struct {
	store Store
	key   *hashKey
	now   func() time.Time
	opts  Options
	// made tells this process's followers (Deliver, listen) that an
	// Update made events; other processes' are seen through the files.
	made notifier
	// running are the Idempotency-Keys of the POSTs being answered.
	running inflight
	// hookKeyed, when set (tests), runs once a keyed POST has claimed
	// its key, before it is answered.
	hookKeyed func()
}

// New opens the emulator's objects: opts.Store, else the log store in
// opts.Dir, else memory. The dir is made by the first request that stores
// something.
func New(opts Options) (*Emulator, error) {
	now := opts.Now
	if now == nil {
		now = time.Now
	}
	s := opts.Store
	switch {
	case s != nil:
	case opts.Dir != "":
		keep := opts.Keep
		keep.Now = now
		var err error
		if s, err = OpenLogStore(opts.Dir, keep); err != nil {
			return nil, err
		}
	default:
		s = NewMemoryStore()
	}
	return &Emulator{store: s, key: newHashKey(opts.Dir), now: now, opts: opts}, nil
}

// Close closes the emulator's store.
func (e *Emulator) Close() error { return e.store.Close() }

// response is a finished answer, kept as bytes so an idempotent replay sends
// exactly what the first request got.
type response struct {
	status    int
	body      []byte
	requestID string
	// original is the request a replay repeats ("" if not a replay).
	original string
	// warning is a Warning header the request's parameters call for
	// (paramVersionNote), besides the Stripe-Version header's.
	warning string
}

// ServeHTTP answers one API request, or a request for the 3D Secure
// test page (challenge.go).
func (e *Emulator) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if isChallenge(r) {
		e.serveChallenge(w, r)
		return
	}
	version, note, verr := versionOf(r)
	res := e.serve(r, verr)
	h := w.Header()
	h.Set("Content-Type", "application/json")
	h.Set("Request-Id", res.requestID)
	h.Set(versionHeader, version)
	for _, w := range []string{note, res.warning} {
		if w != "" {
			h.Add("Warning", w)
		}
	}
	if key := r.Header.Get(idempotencyHeader); key != "" && r.Method == http.MethodPost {
		h.Set(idempotencyHeader, key)
	}
	if res.original != "" {
		h.Set("Idempotent-Replayed", "true")
		h.Set("Original-Request", res.original)
	}
	w.WriteHeader(res.status)
	_, _ = w.Write(res.body)
}

// serve answers r; verr refuses the version r pins, once r is
// authenticated.
func (e *Emulator) serve(r *http.Request, verr *model.Error) response {
	reqID := newID("req_", shortID)
	kind, aerr := authenticate(r)
	if aerr == nil {
		aerr = verr
	}
	if aerr != nil {
		return errorResponse(aerr, reqID)
	}
	ep, ids := match(r)
	if ep == nil {
		return errorResponse(unrecognizedURL(r), reqID)
	}
	if kind == publishableKey && !ep.publishable {
		return errorResponse(publishableRefused(), reqID)
	}
	params, aerr := readParams(r, ep, e.opts.AllowCardNumbersInText)
	if aerr != nil {
		return errorResponse(aerr, reqID)
	}
	expand, aerr := readExpand(params)
	if aerr == nil {
		aerr = expand.check(ep.object)
	}
	if aerr != nil {
		return errorResponse(aerr, reqID)
	}
	c := &call{params: params, ids: ids, clientIP: clientIP(r), now: e.now(), base: baseURL(r),
		allowRemoteWebhooks: e.opts.AllowRemoteWebhooks, publishable: kind == publishableKey}
	handle := func() response {
		if aerr := refuseConnectedAccount(c, r); aerr != nil {
			return errorResponse(aerr, reqID)
		}
		obj, aerr := c.run(ep)
		if aerr != nil {
			return errorResponseWith(aerr, reqID, c.errPaymentIntent, c.errSetupIntent, c.errPaymentMethod)
		}
		body, err := json.Marshal(obj)
		if err == nil {
			body, err = expander{c}.expand(body, ep.object, expand)
		}
		if err == nil && c.publishable {
			body, err = publishableView(body, ep.object)
		}
		switch {
		case c.objs.err != nil:
			return response{} // serve answers with the store's error
		case err != nil:
			return errorResponse(apiFault(err), reqID)
		}
		return response{status: http.StatusOK, body: body, requestID: reqID}
	}

	var res response
	var err error
	if r.Method == http.MethodGet {
		err = e.store.View(r.Context(), func(rd Reader) error {
			c.objs = &objects{r: rd, key: e.key, now: c.now, allowCards: e.opts.AllowCardNumbersInText}
			res = handle()
			return c.objs.err
		})
		if err == nil && c.objs.due {
			// It read a debit that has settled since: run again as an
			// Update, which writes the settlement and its events once.
			err = e.store.Update(r.Context(), func(tx Tx) error {
				c.objs = &objects{r: tx, tx: tx, key: e.key, now: c.now, origin: &origin{now: c.now}, allowCards: e.opts.AllowCardNumbersInText}
				res = handle()
				return c.objs.err
			})
		}
	} else {
		idem, aerr := idempotencyOf(r, params, e.key)
		if aerr != nil {
			return errorResponse(aerr, reqID)
		}
		if idem.key != "" {
			if !e.running.claim(idem.key) {
				return errorResponse(inProgress(idem.key), reqID)
			}
			defer e.running.release(idem.key)
			if e.hookKeyed != nil {
				e.hookKeyed()
			}
		}
		// An event names the request's Idempotency-Key as Stripe does, but
		// masked as every answer is: a key may be anything, a card number
		// too.
		from := &origin{requestID: reqID, idempotencyKey: model.MaskSecrets(idem.key), now: c.now}
		err = e.store.Update(r.Context(), func(tx Tx) error {
			c.objs = &objects{r: tx, tx: tx, key: e.key, now: c.now, origin: from, allowCards: e.opts.AllowCardNumbersInText}
			if err := tx.PruneIdempotency(c.now.Add(-idempotencyTTL)); err != nil {
				return err
			}
			res = idem.run(c.objs, reqID, c.now, handle)
			return c.objs.err
		})
	}
	if err == nil && c.objs != nil && c.objs.events > 0 {
		e.made.tell()
	}
	var secret *fsutil.SecretError
	switch {
	case errors.As(err, &secret):
		return errorResponse(secretRefused(secret), reqID)
	case err != nil:
		return errorResponse(apiFault(err), reqID)
	}
	res.warning = paramVersionNote(params, res.status)
	return res
}

// clientIP is the token's client_ip: the peer's address, or loopback for an
// in-process call, which has none.
func clientIP(r *http.Request) string {
	host, _, err := net.SplitHostPort(r.RemoteAddr)
	if err != nil || host == "" {
		return "127.0.0.1"
	}
	return host
}

// call is one request as an endpoint handler sees it.
type call struct {
	objs     *objects
	params   params
	ids      []string // the ids in the path, in order
	clientIP string
	now      time.Time
	// base is the URL the request reached the emulator at, for the links
	// it hands out (a 3D Secure challenge page).
	base string
	// errPaymentIntent is the PaymentIntent a refusal carries (a decline
	// on confirm), nil for none.
	errPaymentIntent any
	// errSetupIntent is the SetupIntent such a refusal carries.
	errSetupIntent any
	// errPaymentMethod is the PaymentMethod such a decline names.
	errPaymentMethod any
	// threeDS is the 3D Secure the payment ran, which its charge shows:
	// threeDSChallenge after a completed challenge (finishChallenge), or
	// what a confirm ran without one (threeDSWithoutChallenge); "" none.
	threeDS string
	// allowRemoteWebhooks: webhook endpoints may be off loopback.
	allowRemoteWebhooks bool
	// publishable: the request's key is a publishable one (publishable.go).
	publishable bool
}

// id is the path's last id: the object a route names.
func (c *call) id() string { return c.ids[len(c.ids)-1] }
