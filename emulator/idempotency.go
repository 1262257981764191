package emulator

import (
	"encoding/hex"
	"net/http"
	"sync"
	"time"

	"github.com/tokenscope/tokenscope/model"
)

const (
	idempotencyHeader = "Idempotency-Key"
	maxIdempotencyKey = 255
	// idempotencyTTL is how long Stripe keeps idempotency keys (at least 24h).
	idempotencyTTL = 24 * time.Hour
)

// idempotency is a POST's Idempotency-Key, the hash of what it asked, and
// its path (the endpoint).
type idempotency struct{ key, hash, path string }

func idempotencyOf(r *http.Request, p params, key *hashKey) (idempotency, *model.Error) {
	ik := r.Header.Get(idempotencyHeader)
	if len(ik) > maxIdempotencyKey {
		return idempotency{}, invalid("", "", "The Idempotency-Key header must be at most 255 characters long.")
	}
	if ik == "" {
		return idempotency{}, nil
	}
	// Keyed, as fingerprints are: the parameters hashed may hold a card
	// number, which a plain hash would let anyone reading the store find.
	sum, err := key.sum("idempotency", r.Method, r.URL.Path, p.Encode())
	if err != nil {
		return idempotency{}, apiFault(err)
	}
	return idempotency{key: ik, hash: hex.EncodeToString(sum), path: r.URL.Path}, nil
}

// run answers a POST: a key seen before with the same request replays the
// first answer, under a request id of its own (Stripe's Original-Request
// names the first); with other parameters it is an
// idempotency_error. Like Stripe, only results of requests that ran are kept
// (successes and card errors), not refusals of invalid parameters, so a
// corrected retry with the same key is not stuck with the refusal.
func (i idempotency) run(o *objects, reqID string, now time.Time, do func() response) response {
	if i.key == "" {
		return do()
	}
	if rec, ok := o.idempotency(i.key); ok {
		if rec.Hash != i.hash {
			return errorResponse(i.mismatch(rec), reqID)
		}
		return response{status: rec.Status, body: rec.Body, requestID: reqID, original: rec.RequestID}
	}
	res := do()
	if o.err == nil && (res.status < 300 || res.status == http.StatusPaymentRequired) {
		o.putIdempotency(i.key, &IdempotencyRecord{Hash: i.hash, Path: i.path, Status: res.status, Body: res.body, RequestID: res.requestID, Created: now.Unix()})
	}
	return res
}

// mismatch is Stripe's idempotency_error for a key first used with
// another request: on another endpoint, it names both (a record kept by
// an older tokenscope has no path, so only the parameters can be said to
// differ).
func (i idempotency) mismatch(first *IdempotencyRecord) *model.Error {
	msg := "Keys for idempotent requests can only be used with the same parameters they were first used with."
	if first.Path != "" && first.Path != i.path {
		msg = "Keys for idempotent requests can only be used for the same endpoint they were first used for ('" + first.Path + "' vs '" + i.path + "')."
	}
	return newError(http.StatusBadRequest, idempotencyErr, "", "",
		msg+" Try using a key other than '"+i.key+"' if you meant to execute a different request.")
}

const codeIdempotencyKeyInUse = "idempotency_key_in_use"

// inflight are the Idempotency-Keys of the POSTs this process is running:
// another request with one of them while the first runs is Stripe's 409
// (its result is not saved, so a retry once the first is done replays
// it). Requests from other processes sharing the store are not seen; a
// request that reaches the store after the first finished replays it.
type inflight struct {
	mu   sync.Mutex
	keys map[string]bool
}

// claim marks key as running; false if it already is.
func (f *inflight) claim(key string) bool {
	f.mu.Lock()
	defer f.mu.Unlock()
	if f.keys[key] {
		return false
	}
	if f.keys == nil {
		f.keys = map[string]bool{}
	}
	f.keys[key] = true
	return true
}

func (f *inflight) release(key string) {
	f.mu.Lock()
	defer f.mu.Unlock()
	delete(f.keys, key)
}

// inProgress is Stripe's answer to a request whose key another request
// is still running with. The message is Stripe's word for word, as
// integrations quote it from live answers (the key after the colon);
// idempotency_key_in_use is its code in Stripe's error codes
// (docs.stripe.com/error-codes: "currently being used in another
// request") and stripe-go's ErrorCodeIdempotencyKeyInUse.
func inProgress(key string) *model.Error {
	return newError(http.StatusConflict, idempotencyErr, codeIdempotencyKeyInUse, "",
		"There is currently another in-progress request using this Idempotent Key (that probably means you submitted twice, "+
			"and the other request is still going through): "+key+". Please try again later.")
}
