package model

import (
	"encoding/json"
	"fmt"
	"strings"
	"time"
)

// Object is an API object other than a token (a PaymentIntent, a
// PaymentMethod), as retrieved by its id: what the API returned (Raw) and
// the kind registry's entry that describes it. The workspace does not keep
// objects: they are read again whenever they are shown.
type Object struct {
	ID        string          `json:"id"`
	Kind      Kind            `json:"object"`
	Livemode  bool            `json:"livemode"`
	Raw       json.RawMessage `json:"raw"`
	RequestID string          `json:"request_id,omitempty"`
	FetchedAt time.Time       `json:"fetched_at"`
}

// NewObject decodes an API object; raw is kept as it came (compacted).
func NewObject(raw []byte, requestID string, fetched time.Time) (Object, error) {
	var head struct {
		ID       string `json:"id"`
		Object   string `json:"object"`
		Livemode bool   `json:"livemode"`
	}
	if err := json.Unmarshal(raw, &head); err != nil {
		return Object{}, fmt.Errorf("decode object: %w", err)
	}
	if head.ID == "" || head.Object == "" {
		return Object{}, fmt.Errorf("decode object: no id or object in response")
	}
	return Object{ID: head.ID, Kind: Kind(head.Object), Livemode: head.Livemode, Raw: compact(raw),
		RequestID: requestID, FetchedAt: fetched.UTC()}, nil
}

// Fields decodes the object for reading by path; nil when it cannot be.
func (o Object) Fields() Fields {
	f, _ := DecodeFields(o.Raw)
	return f
}

// ObjectKindOf finds the object kind an id names, for a kind tokenscope
// reads by id (KindSpec.Path), and checks the id's form before it goes
// into a path. A token id is no object's: tokens are read as tokens.
func ObjectKindOf(id, param string) (*KindSpec, *FieldError) {
	s, ok := KindOfID(id)
	if !ok || s.Path == "" {
		var prefixes []string
		for _, k := range kinds {
			if k.Path != "" {
				prefixes = append(prefixes, k.Prefixes...)
			}
		}
		return nil, requestErr("resource_missing", param, "No such object: "+echoID(id)+
			"; tokenscope reads tokens ("+strings.Join(TokenIDPrefixes, ", ")+") and objects ("+strings.Join(prefixes, ", ")+") by id")
	}
	rest := strings.TrimPrefix(id, prefixOf(s, id))
	if len(id) > maxTokenIDLen || rest == "" || strings.Trim(rest, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_") != "" {
		return nil, requestErr("resource_missing", param, "No such "+s.Label+": "+echoID(id))
	}
	return s, nil
}

func prefixOf(s *KindSpec, id string) string {
	for _, p := range s.Prefixes {
		if strings.HasPrefix(id, p) {
			return p
		}
	}
	return ""
}

// Challenge is a PaymentIntent's 3D Secure challenge as tokenscope met it:
// answered (Answered, the PaymentIntent as it now stands), or to be
// answered in a browser at URL.
type Challenge struct {
	PaymentIntent Object
	URL           string
	Answered      bool
}
