package emulator

import (
	"encoding/hex"
	"net/http"
	"time"

	"github.com/tokenscope/tokenscope/model"
)

const (
	idempotencyHeader = "Idempotency-Key"
	maxIdempotencyKey = 255
	// idempotencyTTL is how long Stripe keeps idempotency keys (at least 24h).
	idempotencyTTL = 24 * time.Hour
)

// idempotency is a POST's Idempotency-Key and the hash of what it asked.
type idempotency struct{ key, hash string }

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
	return idempotency{key: ik, hash: hex.EncodeToString(sum)}, nil
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
			e := newError(http.StatusBadRequest, idempotencyErr, "", "",
				"Keys for idempotent requests can only be used with the same parameters they were first used with. Try using a key other than '"+i.key+"' if you meant to execute a different request.")
			return errorResponse(e, reqID)
		}
		return response{status: rec.Status, body: rec.Body, requestID: reqID, original: rec.RequestID}
	}
	res := do()
	if o.err == nil && (res.status < 300 || res.status == http.StatusPaymentRequired) {
		o.putIdempotency(i.key, &IdempotencyRecord{Hash: i.hash, Status: res.status, Body: res.body, RequestID: res.requestID, Created: now.Unix()})
	}
	return res
}
