package model

import (
	"bytes"
	"encoding/json"
	"fmt"
	"time"
)

// Kind names an entry of the kind registry (kinds.go): a token's type as
// Stripe names it (card), or an object's name (charge).
type Kind string

// The token kinds tokenscope creates.
const (
	KindCard    Kind = "card"
	KindBank    Kind = "bank_account"
	KindPII     Kind = "pii"
	KindAccount Kind = "account"
)

// Record is one token in the state: the Token exactly as the API returned it
// (Raw) plus the few fields the list needs decoded up front, so that loading
// ten thousand records never decodes ten thousand API objects, and the local
// facts Stripe does not keep (when we fetched it, with which request, what
// used it). Raw never holds a card number, CVC or id number: Stripe's Token
// object carries none of them.
type Record struct {
	ID        string          `json:"id"`
	Type      Kind            `json:"type"`
	Used      bool            `json:"used"`
	Livemode  bool            `json:"livemode"`
	Created   int64           `json:"created"`
	Summary   string          `json:"summary"`
	Raw       json.RawMessage `json:"raw"`
	FetchedAt time.Time       `json:"fetched_at"`
	RequestID string          `json:"request_id,omitempty"`
	Preset    string          `json:"preset,omitempty"`
	Scenario  string          `json:"scenario,omitempty"`
	Gone      bool            `json:"gone,omitempty"`
	Uses      []Use           `json:"uses,omitempty"`
	// Steps are what was done, after the token's use, to what the use
	// made (authenticate, capture, refund, ...: step.go), in order, so a
	// scenario runs each once and an export writes them again.
	Steps []Use `json:"steps,omitempty"`

	// ScenarioDigest identifies the scenario block that made the token (a
	// hash of its inputs, never the inputs), so an edited block is planned
	// as a replacement. Records written before it have none.
	ScenarioDigest string `json:"scenario_digest,omitempty"`
}

// Use records what consumed (or tried to consume) a token.
type Use struct {
	Kind        UseKind `json:"kind"`
	ObjectID    string  `json:"object_id,omitempty"` // cus_… or ch_…, also for a failed charge
	Status      string  `json:"status"`              // succeeded, attached, failed, pending
	Code        string  `json:"code,omitempty"`
	DeclineCode string  `json:"decline_code,omitempty"`
	Amount      int64   `json:"amount,omitempty"`
	Currency    string  `json:"currency,omitempty"`
	RequestID   string  `json:"request_id,omitempty"`
	// PaymentMethod is the PaymentMethod a PaymentIntent use made of the
	// token first.
	PaymentMethod string `json:"payment_method,omitempty"`
	// CaptureMethod is the capture method a PaymentIntent use asked for
	// (manual), so that an export asks for it again.
	CaptureMethod string `json:"capture_method,omitempty"`
	// Charge is a PaymentIntent's latest_charge: what a support engineer
	// looks up once it succeeded.
	Charge string `json:"charge,omitempty"`
	// Source is what a customer use made of the token: the customer's
	// default_source (ba_… for a bank token, which is verified next).
	Source string `json:"source,omitempty"`
	// Customer is the customer a SetupIntent use made to save the card
	// on; CaptureBefore (unix seconds) is when an authorization must be
	// captured by.
	Customer      string `json:"customer,omitempty"`
	CaptureBefore int64  `json:"capture_before,omitempty"`
	// Fail and Evidence are a step's (step.go): an authentication
	// failed on purpose; the evidence a dispute got ("" when closed).
	Fail     bool      `json:"fail,omitempty"`
	Evidence string    `json:"evidence,omitempty"`
	At       time.Time `json:"at"`
}

// FollowPaymentIntent brings a PaymentIntent's Use up to pi as last read
// (after authenticate, capture or cancel): its status, its latest charge,
// and the request that read it, so the outcome names that request, not
// the one that created the PaymentIntent.
func (u *Use) FollowPaymentIntent(pi Object) {
	f := pi.Fields()
	u.Status = f.Get("status")
	if c := f.Get("latest_charge"); c != "" {
		u.Charge = c
	}
	if pi.RequestID != "" {
		u.RequestID = pi.RequestID
	}
}

// NewRecord decodes a Token as returned by the API into a Record. raw is kept
// byte for byte (compacted) so --json can print what Stripe sent.
func NewRecord(raw []byte, requestID string, fetched time.Time) (Record, error) {
	var t tokenHead
	if err := json.Unmarshal(raw, &t); err != nil {
		return Record{}, fmt.Errorf("decode token: %w", err)
	}
	if t.ID == "" {
		return Record{}, fmt.Errorf("decode token: no id in response")
	}
	f, err := DecodeFields(raw)
	if err != nil {
		return Record{}, fmt.Errorf("decode token: %w", err)
	}
	r := Record{
		ID:        t.ID,
		Type:      Kind(t.Type),
		Used:      t.Used,
		Livemode:  t.Livemode,
		Created:   t.Created,
		Summary:   Summarize(Kind(t.Type), f),
		Raw:       compact(raw),
		FetchedAt: fetched.UTC(),
		RequestID: requestID,
	}
	return r, nil
}

// tokenHead is the part of a Token every record keeps in its own fields;
// the rest is read from Raw by path (Fields), so model needs no API
// client's types.
type tokenHead struct {
	ID       string `json:"id"`
	Type     string `json:"type"`
	Used     bool   `json:"used"`
	Livemode bool   `json:"livemode"`
	Created  int64  `json:"created"`
}

// Refreshed returns r with the API's newer view of the token, keeping the
// local facts (preset, scenario and its digest, uses and steps).
func (r Record) Refreshed(newer Record) Record {
	newer.Preset, newer.Scenario, newer.ScenarioDigest, newer.Uses, newer.Steps = r.Preset, r.Scenario, r.ScenarioDigest, r.Uses, r.Steps
	return newer
}

// Summarize is the one-line description a list row shows, from the
// kind's entry: "Visa •••• 4242", "STRIPE TEST BANK •••• 6789", "id
// number", "account"; the kind's name when its entry has none.
func Summarize(k Kind, obj Fields) string {
	if s, ok := SpecOf(k); ok && s.Summary != nil {
		if sum := s.Summary(obj); sum != "" {
			return sum
		}
	}
	return string(k)
}

func compact(raw []byte) json.RawMessage {
	var out bytes.Buffer
	if err := json.Compact(&out, raw); err != nil {
		return append(json.RawMessage(nil), raw...)
	}
	return out.Bytes()
}
