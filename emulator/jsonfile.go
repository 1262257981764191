package emulator

import (
	"bytes"
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
	coll, err := jsonMembers(raw)
	if err != nil {
		return err
	}
	type object struct {
		id      string
		created int64
	}
	objs := make([]object, 0, len(coll))
	for id, obj := range coll {
		if err := objectOrError(obj); err != nil {
			return fmt.Errorf("%s: %w", id, err)
		}
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
	recs, err := jsonMembers(raw)
	if err != nil {
		return err
	}
	for _, key := range slices.Sorted(maps.Keys(recs)) {
		rec := new(IdempotencyRecord)
		err := objectOrError(recs[key])
		if err == nil {
			err = json.Unmarshal(recs[key], rec)
		}
		if err == nil {
			err = objectOrError(rec.Body)
		}
		if err != nil {
			return fmt.Errorf("%s: %w", key, err)
		}
		st.apply(op{kind: opPutIdem, id: key, rec: rec})
	}
	return nil
}

// jsonMembers reads a JSON object's members; anything else (null
// included) is an error.
func jsonMembers(raw json.RawMessage) (map[string]json.RawMessage, error) {
	if err := objectOrError(raw); err != nil {
		return nil, err
	}
	var m map[string]json.RawMessage
	err := json.Unmarshal(raw, &m)
	return m, err
}

// objectOrError is an error saying what raw is unless it is a JSON
// object. Every object and answer the emulator keeps is one: a null, a
// number or a string where one belongs is damage to report, not an
// empty object to serve (it would be decoded into a zero token).
func objectOrError(raw []byte) error {
	if looksLikeObject(raw) && json.Valid(raw) {
		return nil
	}
	return notObject(raw)
}

// notObject says what raw is where a JSON object belongs.
func notObject(raw []byte) error {
	shown := string(raw)
	if len(shown) > 40 {
		shown = shown[:40] + "…"
	}
	return fmt.Errorf("%q where a JSON object belongs", shown)
}

// looksLikeObject is the cheap half of objectOrError, for every read of
// an object: it begins with { and ends with }.
func looksLikeObject(raw []byte) bool {
	raw = bytes.TrimSpace(raw)
	return len(raw) >= 2 && raw[0] == '{' && raw[len(raw)-1] == '}'
}

// looksWhole is the log store's check of each document at start-up, which
// reads every one kept, so it is cheap: not empty, not null, and ending
// with the bracket or quote it begins with. A record's CRC already says
// its bytes are the ones written; this finds a null or a cut document a
// writer's bug put there. (The store keeps any JSON document; the
// emulator's objects are then checked to be objects as they are read.)
func looksWhole(raw []byte) bool {
	raw = bytes.TrimSpace(raw)
	if len(raw) == 0 || string(raw) == "null" {
		return false
	}
	closing := map[byte]byte{'{': '}', '[': ']', '"': '"'}
	end, ok := closing[raw[0]]
	return !ok || len(raw) >= 2 && raw[len(raw)-1] == end
}
