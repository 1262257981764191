package model

import (
	"fmt"
	"strings"
	"time"
)

// Pending is a write tokenscope sent, or was about to send, whose answer
// the state does not hold yet: the state's write-ahead record. It is
// written under the state lock before the request leaves and replaced by
// the answer once that is back, so a process killed in between, or one
// that could not write the answer, leaves it behind; the next tokenscope
// to hold the lock sends it again with the same Idempotency-Key, and
// Stripe (and the emulator) answer a key they have seen with what the
// first request made, without making it twice.
//
// It holds no secret. A card number, CVC, account or id number is kept as
// the name of the preset whose public test data it is; one that is no
// test data is not kept at all (Withheld), and since Stripe replays a key
// only for the very same parameters, such a request cannot be sent again:
// it is reported with its key instead (Unresolved).
type Pending struct {
	Key     string    `json:"idempotency_key"`
	Op      PendingOp `json:"op"`
	Summary string    `json:"summary"` // for people, masked: "create card visa •••• 4242"
	Created time.Time `json:"created"`

	// A create: the kind, its preset and scenario key, and each parameter.
	Kind     Kind           `json:"kind,omitempty"`
	Preset   string         `json:"preset,omitempty"`
	Scenario string         `json:"scenario,omitempty"`
	Params   []PendingParam `json:"params,omitempty"`

	// A use: what was asked (a token id, an amount: nothing secret).
	Use *UseRequest `json:"use,omitempty"`

	// A move of an object (a refund, a customer's charge…).
	Move *MoveRequest `json:"move,omitempty"`

	// Tries counts the times it was sent again without an answer.
	Tries int `json:"tries,omitempty"`
	// Unresolved says why it is no longer sent again; it stays in the state,
	// shown with its key, until `tokenscope state rm KEY`.
	Unresolved string `json:"unresolved,omitempty"`
	// Told: the user was told, with the steps to take, that it is
	// unresolved (README: "reported once"); later commands remind them in
	// a line.
	Told bool `json:"told,omitempty"`
}

// PendingOp is the kind of write a Pending records.
type PendingOp string

// The writes that make something at the API.
const (
	PendingCreate PendingOp = "create"
	PendingUse    PendingOp = "use"
)

// PendingParam is one parameter of a pending create: its value when it is
// no secret, else the preset whose test data it is, else Withheld.
type PendingParam struct {
	Name     string `json:"name"`
	Value    string `json:"value,omitempty"`
	Preset   string `json:"preset,omitempty"`
	Withheld bool   `json:"withheld,omitempty"`
}

// NewPendingCreate is the write-ahead record of creating req under key.
func NewPendingCreate(req TokenRequest, key, scenario string, now time.Time) Pending {
	p := Pending{Key: key, Op: PendingCreate, Created: now.UTC(), Kind: req.Kind, Preset: req.Preset, Scenario: scenario}
	summary := []string{"create", string(req.Kind)}
	if req.Preset != "" {
		summary = append(summary, req.Preset)
	}
	s, ok := SpecOf(req.Kind)
	if !ok || s.Create == nil {
		p.Summary = strings.Join(summary, " ")
		return p
	}
	for _, in := range s.Create.Inputs {
		v := in.Get(req)
		if in.Param == "" || v == "" {
			continue
		}
		pp := PendingParam{Name: in.Param}
		switch {
		case in.Secret || in.Masked:
			pp.Preset = presetHolding(s.Create, in, v, now)
			pp.Withheld = pp.Preset == ""
			if in.Masked {
				summary = append(summary, "•••• "+Last4(v))
			}
		default:
			pp.Value = v
		}
		p.Params = append(p.Params, pp)
	}
	p.Summary = strings.Join(summary, " ")
	return p
}

// presetHolding names a preset whose value of in is v: the test data a
// secret came from.
func presetHolding(c *Creator, in Input, v string, now time.Time) string {
	for _, p := range c.Presets {
		if in.Get(p.Request(now)) == v {
			return p.Name
		}
	}
	return ""
}

// NewPendingUse is the write-ahead record of req under key.
func NewPendingUse(req UseRequest, key string, now time.Time) Pending {
	summary := fmt.Sprintf("attach %s to a new customer", req.TokenID)
	switch req.Kind {
	case UseCharge:
		summary = fmt.Sprintf("charge %s %s", req.TokenID, FormatAmount(req.Amount, req.Currency))
	case UsePaymentMethod:
		summary = fmt.Sprintf("make a PaymentMethod of %s", req.TokenID)
	case UseAuthorize:
		summary = fmt.Sprintf("authorize %s on %s", FormatAmount(req.Amount, req.Currency), req.TokenID)
	case UseSetupIntent:
		summary = fmt.Sprintf("save %s with a SetupIntent", req.TokenID)
	case UsePaymentIntent:
		summary = fmt.Sprintf("pay a PaymentIntent of %s with %s", FormatAmount(req.Amount, req.Currency), req.TokenID)
	case UseAccount:
		summary = fmt.Sprintf("make an account from %s", req.TokenID)
	case UseIDNumber:
		summary = fmt.Sprintf("give %s as the id number of %s", req.TokenID, req.Account)
		if req.Person != "" {
			summary = fmt.Sprintf("give %s as the id number of %s of %s", req.TokenID, req.Person, req.Account)
		}
	}
	req.IdempotencyKey = ""
	return Pending{Key: key, Op: PendingUse, Summary: summary, Created: now.UTC(), Use: &req}
}

// Replayable reports whether the request can be sent again as it was
// first sent; if not, why.
func (p Pending) Replayable() (bool, string) {
	switch p.Op {
	case PendingUse:
		if p.Use == nil {
			return false, "the use it records is missing"
		}
		return true, ""
	case PendingMove:
		if p.Move == nil {
			return false, "the move it records is missing"
		}
		return true, ""
	case PendingCreate:
		for _, pp := range p.Params {
			if pp.Withheld {
				return false, pp.Name + " was no test data, so it was not kept, and Stripe answers a key again only for the same parameters"
			}
		}
		if _, ok := SpecOf(p.Kind); !ok {
			return false, "tokenscope does not know the kind " + string(p.Kind)
		}
		return true, ""
	}
	return false, "tokenscope does not know the operation " + string(p.Op)
}

// CreateRequest rebuilds the create request exactly as it was sent, its
// secrets taken from the presets they came from, with the same
// Idempotency-Key.
func (p Pending) CreateRequest(now time.Time) (TokenRequest, error) {
	if ok, why := p.Replayable(); !ok || p.Op != PendingCreate {
		return TokenRequest{}, fmt.Errorf("%s cannot be sent again: %s", p.Summary, why)
	}
	s, _ := SpecOf(p.Kind)
	values := map[string]string{}
	for _, pp := range p.Params {
		values[pp.Name] = pp.Value
		if pp.Preset == "" {
			continue
		}
		preset, ok := s.Create.Preset(pp.Preset)
		if !ok {
			return TokenRequest{}, fmt.Errorf("%s cannot be sent again: this tokenscope has no preset %s", p.Summary, pp.Preset)
		}
		for _, in := range s.Create.Inputs {
			if in.Param == pp.Name {
				values[pp.Name] = in.Get(preset.Request(now))
			}
		}
	}
	req, fe := s.Create.FromParams(s, func(param string) string { return values[param] })
	if fe != nil {
		return TokenRequest{}, fmt.Errorf("%s cannot be sent again: %w", p.Summary, fe)
	}
	req.Preset = p.Preset
	req.IdempotencyKey = p.Key
	return req, nil
}

// UseRequest is the use as it was sent, with the same Idempotency-Key.
func (p Pending) UseRequest() UseRequest {
	req := *p.Use
	req.IdempotencyKey = p.Key
	return req
}
