package state

import (
	"encoding/json"
	"reflect"
	"testing"

	"github.com/tokenscope/tokenscope/model"
)

func ids(w *Workspace) []string {
	var out []string
	for _, r := range w.Tokens {
		out = append(out, r.ID)
	}
	return out
}

func TestUpsertPrependsNewAndReplacesInPlace(t *testing.T) {
	var s State
	w := s.Workspace("offline")
	for _, id := range []string{"tok_a", "tok_b", "tok_c"} {
		w.Upsert(cardRecord(id))
	}
	if got, want := ids(w), []string{"tok_c", "tok_b", "tok_a"}; !reflect.DeepEqual(got, want) {
		t.Fatalf("order %v, want newest first %v", got, want)
	}
	used := cardRecord("tok_b")
	used.Used = true
	w.Upsert(used)
	if got, want := ids(w), []string{"tok_c", "tok_b", "tok_a"}; !reflect.DeepEqual(got, want) {
		t.Fatalf("after replacing tok_b: order %v, want %v", got, want)
	}
	if r, ok := w.Find("tok_b"); !ok || !r.Used {
		t.Fatalf("Find(tok_b) = %+v, %v; want the replaced, used record", r, ok)
	}
	if _, ok := w.Find("tok_missing"); ok {
		t.Fatal("Find of a missing id reported ok")
	}
	if s.Workspace("offline") != w {
		t.Fatal("Workspace made a new workspace for an existing name")
	}
}

func TestRemoveDropsTokenAndItsScenario(t *testing.T) {
	var s State
	w := s.Workspace("offline")
	w.Upsert(cardRecord("tok_a"))
	w.Upsert(cardRecord("tok_b"))
	w.Scenarios = map[string]string{"token.visa": "tok_a", "token.other": "tok_b"}
	if !w.Remove("tok_a") {
		t.Fatal("Remove(tok_a) = false")
	}
	if w.Remove("tok_a") {
		t.Fatal("second Remove(tok_a) = true")
	}
	if got := ids(w); !reflect.DeepEqual(got, []string{"tok_b"}) {
		t.Fatalf("tokens %v, want [tok_b]", got)
	}
	if want := map[string]string{"token.other": "tok_b"}; !reflect.DeepEqual(w.Scenarios, want) {
		t.Fatalf("scenarios %v, want %v", w.Scenarios, want)
	}
}

func TestTrimKeepsNewestAndConsistentScenarios(t *testing.T) {
	var s State
	w := s.Workspace("offline")
	for _, id := range []string{"tok_1", "tok_2", "tok_3", "tok_4", "tok_5"} {
		w.Upsert(cardRecord(id))
	}
	w.Scenarios = map[string]string{"token.old": "tok_1", "token.new": "tok_5", "token.mid": "tok_3"}
	w.trim(3, nil)
	if got, want := ids(w), []string{"tok_5", "tok_4", "tok_3"}; !reflect.DeepEqual(got, want) {
		t.Fatalf("kept %v, want the 3 newest %v", got, want)
	}
	if want := map[string]string{"token.new": "tok_5", "token.mid": "tok_3"}; !reflect.DeepEqual(w.Scenarios, want) {
		t.Fatalf("scenarios %v, want %v (the dropped token's mapping gone)", w.Scenarios, want)
	}
}

func TestMarshalIsIndentedAndKeepsRaw(t *testing.T) {
	var s State
	s.Version = Version
	s.Workspace("offline").Upsert(cardRecord("tok_a"))
	data, err := s.Marshal()
	if err != nil {
		t.Fatal(err)
	}
	if !json.Valid(data) || data[0] != '{' || data[1] != '\n' {
		t.Fatalf("Marshal is not indented JSON: %.40q", data)
	}
	var back State
	if err := json.Unmarshal(data, &back); err != nil {
		t.Fatal(err)
	}
	f, err := model.DecodeFields(back.Workspace("offline").Tokens[0].Raw)
	if err != nil || f.Get("card.last4") != "4242" {
		t.Fatalf("Raw did not survive Marshal: %v, %v", f, err)
	}
}
