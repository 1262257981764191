package emulator

import (
	"cmp"
	"encoding/json"
	"fmt"
	"maps"
	"slices"
	"time"
)

// FileName is emulator.json, the file the emulator kept its objects in
// before the log store: {"version": 1, "tokens": {id: object}, ...,
// "idempotency": {key: record}}, every member but "version" and
// "idempotency" a collection. The log store reads it once, on its first
// start in a dir that has one (migrate.go).
const FileName = "emulator.json"

const (
	fileVersion = 1
	// idempotencyKey is the file's member holding the idempotency records.
	idempotencyKey = "idempotency"
)

// decodeJSONFile reads emulator.json into a state. The file keeps no
// order, so objects are put in the order of their "created" field (then
// of their ids), which is the order they were created in to the second.
func decodeJSONFile(data []byte) (*memState, error) {
	var members map[string]json.RawMessage
	if err := json.Unmarshal(data, &members); err != nil {
		return nil, err
	}
	var version int
	if v, ok := members["version"]; ok {
		if err := json.Unmarshal(v, &version); err != nil {
			return nil, fmt.Errorf("version: %w", err)
		}
	}
	if version != fileVersion {
		return nil, fmt.Errorf("version %d, want %d", version, fileVersion)
	}
	st := newMemState()
	for _, name := range slices.Sorted(maps.Keys(members)) {
		var err error
		switch name {
		case "version":
		case idempotencyKey:
			err = decodeJSONIdempotency(st, members[name])
		default:
			err = decodeJSONCollection(st, name, members[name])
		}
		if err != nil {
			return nil, fmt.Errorf("%s: %w", name, err)
		}
	}
	return st, nil
}

func decodeJSONCollection(st *memState, name string, raw json.RawMessage) error {
	var coll map[string]json.RawMessage
	if err := json.Unmarshal(raw, &coll); err != nil {
		return err
	}
	type object struct {
		id      string
		created int64
	}
	objs := make([]object, 0, len(coll))
	for id, obj := range coll {
		var head struct {
			Created int64 `json:"created"`
		}
		if err := json.Unmarshal(obj, &head); err != nil {
			return fmt.Errorf("%s: %w", id, err)
		}
		objs = append(objs, object{id, head.Created})
	}
	slices.SortFunc(objs, func(a, b object) int {
		return cmp.Or(cmp.Compare(a.created, b.created), cmp.Compare(a.id, b.id))
	})
	for _, o := range objs {
		st.apply(op{kind: opPut, coll: name, id: o.id, at: time.Unix(o.created, 0).UnixNano(), obj: coll[o.id]})
	}
	return nil
}

func decodeJSONIdempotency(st *memState, raw json.RawMessage) error {
	var recs map[string]*IdempotencyRecord
	if err := json.Unmarshal(raw, &recs); err != nil {
		return err
	}
	for _, key := range slices.Sorted(maps.Keys(recs)) {
		if recs[key] != nil {
			st.apply(op{kind: opPutIdem, id: key, rec: recs[key]})
		}
	}
	return nil
}
