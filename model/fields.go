package model

import (
	"bytes"
	"encoding/json"
	"strings"
)

// Fields is an API object decoded generically, read by attribute path, so
// one registry entry can describe what to show of any kind of object
// without a Go type per kind.
type Fields map[string]any

// DecodeFields decodes an object as the API returned it. Numbers keep
// their digits (an amount or a timestamp is never rounded through float).
func DecodeFields(raw []byte) (Fields, error) {
	d := json.NewDecoder(bytes.NewReader(raw))
	d.UseNumber()
	var f Fields
	if err := d.Decode(&f); err != nil {
		return nil, err
	}
	return f, nil
}

// Get reads an attribute by its path ("card.brand") as text: strings as
// they are, numbers in their digits, booleans as true or false; "" when
// the attribute is absent or null, or is itself an object or a list.
func (f Fields) Get(path string) string {
	switch v := f.Value(path).(type) {
	case string:
		return v
	case json.Number:
		return v.String()
	case bool:
		if v {
			return "true"
		}
		return "false"
	}
	return ""
}

// Has reports whether the object has the attribute, set to anything but
// null.
func (f Fields) Has(path string) bool { return f.Value(path) != nil }

// Value is the attribute at path as decoded (a string, json.Number,
// bool, map, list), nil when it is absent or null.
func (f Fields) Value(path string) any {
	var v any = map[string]any(f)
	for _, name := range strings.Split(path, ".") {
		m, ok := v.(map[string]any)
		if !ok {
			return nil
		}
		v = m[name]
	}
	return v
}
