// Package state keeps the tokens tokenscope made in one local JSON file,
// state.json, in the manner of Terraform's local backend: a format version,
// a serial bumped on every write, a lineage naming the file's history, one
// workspace per backend, atomic writes with a .backup of the previous file,
// and an exclusive lock while writing.
package state

import (
	"bytes"
	stdjson "encoding/json"
	"errors"
	"fmt"
	"os"

	// The encoding/json v2 prototype, used with v1 semantics: the same
	// behaviour as the standard library, but it parses a 10,000-token state
	// in less than half the time, which the TUI's 100 ms first-frame budget
	// needs.
	jsonv2 "github.com/go-json-experiment/json"
	"github.com/go-json-experiment/json/jsontext"
	json "github.com/go-json-experiment/json/v1"

	"github.com/tokenscope/tokenscope/internal/fsutil"
	"github.com/tokenscope/tokenscope/model"
)

// Version is the newest file format this package reads and writes.
// Version 2 only adds the pending move (model.PendingMove), which a
// tokenscope reading version 1 takes for a corrupt file, advising to
// restore the backup: that would drop a request the API may have made. So
// a state is written as version 2 only while it holds a pending move
// (State.format) and as version 1 otherwise, so that an older tokenscope
// says the file is newer instead, and still reads ordinary states.
const Version = 2

// oldestVersion is the oldest file format this package reads.
const oldestVersion = 1

// State is the whole of state.json.
type State struct {
	Version    int                   `json:"version"` // file format, 1 or 2
	Serial     int64                 `json:"serial"`  // +1 on every write, as in terraform.tfstate
	Lineage    string                `json:"lineage"` // random id given when the file is made
	Workspaces map[string]*Workspace `json:"workspaces"`
}

// Workspace holds the tokens of one backend (offline, an account, a base
// URL): a token made against stripe-mock means nothing to api.stripe.com.
type Workspace struct {
	Backend   string            `json:"backend"`             // label of the backend, for humans
	Tokens    []model.Record    `json:"tokens"`              // newest first
	Scenarios map[string]string `json:"scenarios,omitempty"` // scenario resource name -> token id
	// Pending are writes sent (or about to be) whose answer is not
	// recorded yet, oldest first: the write-ahead records (model.Pending).
	Pending []model.Pending `json:"pending,omitempty"`
}

// Workspace returns the named workspace, creating it if missing.
func (s *State) Workspace(name string) *Workspace {
	if s.Workspaces == nil {
		s.Workspaces = map[string]*Workspace{}
	}
	w := s.Workspaces[name]
	if w == nil {
		w = &Workspace{}
		s.Workspaces[name] = w
	}
	return w
}

// Find returns the record with the given token id.
func (w *Workspace) Find(id string) (model.Record, bool) {
	if i := w.index(id); i >= 0 {
		return w.Tokens[i], true
	}
	return model.Record{}, false
}

// Upsert stores r: a record with the same id is replaced in place (a refresh
// keeps the list order), a new one is prepended (newest first).
func (w *Workspace) Upsert(r model.Record) {
	if i := w.index(r.ID); i >= 0 {
		w.Tokens[i] = r
		return
	}
	w.Tokens = append(w.Tokens, model.Record{})
	copy(w.Tokens[1:], w.Tokens)
	w.Tokens[0] = r
}

// Remove forgets the token with the given id, and any scenario resource that
// pointed at it (as `terraform state rm` does: the next apply creates it
// anew). It reports whether the token was there.
func (w *Workspace) Remove(id string) bool {
	i := w.index(id)
	if i < 0 {
		return false
	}
	w.Tokens = append(w.Tokens[:i], w.Tokens[i+1:]...)
	w.dropScenarios(map[string]bool{id: true})
	return true
}

// trim keeps the max newest tokens, dropping the scenario mappings of the
// tokens it drops so no scenario points at a token the state forgot. The
// tokens keep reports (nil: none) are kept first, whatever their age, and
// the newest of the others fill what room is left.
func (w *Workspace) trim(max int, keep func(*Workspace, model.Record) bool) {
	if max <= 0 || len(w.Tokens) <= max {
		return
	}
	room := max
	if keep != nil {
		for _, r := range w.Tokens {
			if keep(w, r) {
				room--
			}
		}
	}
	dropped := make(map[string]bool, len(w.Tokens)-max)
	kept := w.Tokens[:0]
	for _, r := range w.Tokens {
		switch {
		case keep != nil && keep(w, r):
		case room > 0:
			room--
		default:
			dropped[r.ID] = true
			continue
		}
		kept = append(kept, r)
	}
	clear(w.Tokens[len(kept):]) // let the dropped Raw bytes be collected
	w.Tokens = kept
	w.dropScenarios(dropped)
}

func (w *Workspace) dropScenarios(ids map[string]bool) {
	for name, id := range w.Scenarios {
		if ids[id] {
			delete(w.Scenarios, name)
		}
	}
}

// AddPending records p, replacing a record with the same key.
func (w *Workspace) AddPending(p model.Pending) {
	for i := range w.Pending {
		if w.Pending[i].Key == p.Key {
			w.Pending[i] = p
			return
		}
	}
	w.Pending = append(w.Pending, p)
}

// RemovePending forgets the record with key; false if there was none.
func (w *Workspace) RemovePending(key string) bool {
	for i := range w.Pending {
		if w.Pending[i].Key == key {
			w.Pending = append(w.Pending[:i], w.Pending[i+1:]...)
			return true
		}
	}
	return false
}

func (w *Workspace) index(id string) int {
	for i := range w.Tokens {
		if w.Tokens[i].ID == id {
			return i
		}
	}
	return -1
}

// Marshal renders the state as indented JSON, for `tokenscope state pull`.
func (s *State) Marshal() ([]byte, error) {
	return json.MarshalIndent(s, "", "  ")
}

// decodeOptions are v1's semantics less its validation of the whole input
// before decoding, a second pass over the file that costs a sixth of the
// load (a syntax error still fails decode, only later), and with records'
// Raw read as they are.
var decodeOptions = jsonv2.JoinOptions(json.DefaultOptionsV1(), json.ReportErrorsWithLegacySemantics(false))

// decodeRaw reads a json.RawMessage (a record's Raw) as the bytes of the
// value, as its UnmarshalJSON does, without v2's adapter for v1
// unmarshalers (about a tenth of a 10,000-token load). Most of what is
// left of Raw's half of the load is scanning its bytes, which finding
// where each value ends needs.
func decodeRaw(dec *jsontext.Decoder, raw *stdjson.RawMessage) error {
	v, err := dec.ReadValue()
	if err != nil {
		return err
	}
	*raw = append((*raw)[:0], v...)
	return nil
}

// recordMark is in every record once: counting it counts the records of
// a file in a millisecond for 10,000. It is a hint: should a Raw hold the
// same bytes, the slice is only made larger.
var recordMark = []byte(`"fetched_at":`)

// recordsDecoder decodes a workspace's tokens into a slice made for hint
// records rather than grown to them: growing copies and clears the
// records several times over, a sixth of a 10,000-token load. The first
// workspace takes the whole count, which is exact for the usual single
// one; the next ones what is left.
type recordsDecoder struct{ hint int }

func (d *recordsDecoder) decode(dec *jsontext.Decoder, recs *[]model.Record) error {
	if dec.PeekKind() != '[' {
		return errors.ErrUnsupported // null, or not a list: the default decodes it, or says what is wrong
	}
	if _, err := dec.ReadToken(); err != nil {
		return err
	}
	out := make([]model.Record, 0, max(d.hint, 0))
	for dec.PeekKind() != ']' {
		out = append(out, model.Record{})
		if err := jsonv2.UnmarshalDecode(dec, &out[len(out)-1]); err != nil {
			return err
		}
	}
	if _, err := dec.ReadToken(); err != nil {
		return err
	}
	d.hint -= len(out)
	*recs = out
	return nil
}

// decode parses state.json. Unknown fields are ignored so an older
// tokenscope can read a file a newer one wrote as long as Version matches.
func decode(f *os.File) (*State, error) {
	data, err := fsutil.ReadAll(f)
	if err != nil {
		return nil, err
	}
	var s State
	records := &recordsDecoder{hint: bytes.Count(data, recordMark)}
	unmarshalers := jsonv2.JoinUnmarshalers(jsonv2.UnmarshalFromFunc(decodeRaw), jsonv2.UnmarshalFromFunc(records.decode))
	if err := jsonv2.Unmarshal(data, &s, decodeOptions, jsonv2.WithUnmarshalers(unmarshalers)); err != nil {
		return nil, err
	}
	switch {
	case s.Version > Version:
		return nil, fmt.Errorf("state version %d was written by a newer tokenscope (this one reads up to version %d): %w", s.Version, Version, errNewer)
	case s.Version < oldestVersion:
		return nil, fmt.Errorf("unsupported state version %d (want %d to %d)", s.Version, oldestVersion, Version)
	}
	if err := s.check(); err != nil {
		return nil, err
	}
	return &s, nil
}

// errNewer marks a state written by a newer tokenscope: it is not corrupt,
// so restoring the backup is no remedy (it would drop what that one wrote).
var errNewer = errors.New("use that tokenscope (or a newer one) with this state")

// format is the file format the state is written in: the oldest that can
// hold it (see Version).
func (s *State) format() int {
	for _, w := range s.Workspaces {
		if w == nil {
			continue
		}
		for _, p := range w.Pending {
			if p.Op == model.PendingMove {
				return 2
			}
		}
	}
	return oldestVersion
}

// encode renders the state as written to disk. Unlike terraform.tfstate the
// file is compact: indenting every token's Raw object would make a
// 10,000-token state 16 MB instead of 9 and slow every load by the same
// ratio; `tokenscope state pull` (Marshal) is there for reading it.
func encode(s *State) ([]byte, error) {
	data, err := json.Marshal(s)
	if err != nil {
		return nil, err
	}
	return append(data, '\n'), nil
}
