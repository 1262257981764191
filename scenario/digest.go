package scenario

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"reflect"
	"strconv"
	"strings"

	"github.com/hashicorp/hcl/v2"
	"github.com/tokenscope/tokenscope/client"
	"github.com/tokenscope/tokenscope/model/state"
)

// digestOf is the SHA-256 of a token block's inputs as written: each
// attribute the file sets, by its path ("card.preset"), in the schema's
// order. Layout, comments, attribute order and the date (a preset's expiry
// is computed from it) do not count, so only an edit to the block changes
// it. The state keeps the digest, never the inputs: a card number, CVC or
// id number goes into the hash along with the rest, not onto disk.
func digestOf(ts tokenSchema) string {
	var b strings.Builder
	writeInputs(&b, "", reflect.ValueOf(ts))
	sum := sha256.Sum256([]byte(b.String()))
	return "sha256:" + hex.EncodeToString(sum[:])
}

var rangeType = reflect.TypeOf(hcl.Range{})

// writeInputs writes one "path=value" line per attribute set in the
// schema struct v, and recurses into the blocks present.
func writeInputs(b *strings.Builder, prefix string, v reflect.Value) {
	for i := range v.NumField() {
		f, field := v.Type().Field(i), v.Field(i)
		name, kind, _ := strings.Cut(f.Tag.Get("hcl"), ",")
		if name == "" || f.Type == rangeType || (kind == "label" && prefix == "") {
			continue // ranges, and the token's own name: that is its key
		}
		if field.Kind() == reflect.Pointer {
			if field.IsNil() {
				continue
			}
			field = field.Elem()
		}
		switch field.Kind() {
		case reflect.Struct:
			fmt.Fprintf(b, "%s%s {\n", prefix, name)
			writeInputs(b, prefix+name+".", field)
		case reflect.String:
			fmt.Fprintf(b, "%s%s=%s\n", prefix, name, strconv.Quote(field.String()))
		default:
			fmt.Fprintf(b, "%s%s=%v\n", prefix, name, field.Interface())
		}
	}
}

// recordDigest notes a block's digest on the token just made for it. It is
// a write of its own after Session.Create's, which links the key: an apply
// killed between the two leaves the token linked without a digest, which
// plans as unchanged, as a record from before digests does.
func recordDigest(ctx context.Context, s *client.Session, id, digest string) error {
	_, err := s.Store.Update(ctx, "scenario digest", func(st *state.State) error {
		w := st.Workspace(s.WorkspaceName())
		if rec, ok := w.Find(id); ok {
			rec.ScenarioDigest = digest
			w.Upsert(rec)
		}
		return nil
	})
	if err != nil {
		return fmt.Errorf("token %s was made, but recording its scenario digest failed: %w", id, err)
	}
	return nil
}
