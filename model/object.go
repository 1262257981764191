package model

import (
	"encoding/json"
	"fmt"
)

// Object is an API object other than a token (a refund, a dispute, an
// account) exactly as the API returned it, with the request that got it.
type Object struct {
	ID        string          `json:"id"`
	Object    string          `json:"object"`
	Raw       json.RawMessage `json:"raw"`
	RequestID string          `json:"request_id,omitempty"`
}

// NewObject reads an object's id and name from the API's JSON.
func NewObject(raw []byte, requestID string) (Object, error) {
	var head struct{ ID, Object string }
	if err := json.Unmarshal(raw, &head); err != nil {
		return Object{}, fmt.Errorf("decode object: %w", err)
	}
	if head.ID == "" {
		return Object{}, fmt.Errorf("decode object: no id in response")
	}
	return Object{ID: head.ID, Object: head.Object, Raw: raw, RequestID: requestID}, nil
}

// Fields decodes the object for reading by attribute path; a body that
// does not decode reads as empty.
func (o Object) Fields() Fields {
	f, err := DecodeFields(o.Raw)
	if err != nil {
		return Fields{}
	}
	return f
}
