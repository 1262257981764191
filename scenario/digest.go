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
	"github.com/tokenscope/tokenscope/model"
	"github.com/tokenscope/tokenscope/model/state"
)

// digestOf is the SHA-256 of a token block's inputs as written: each
// attribute the file sets, by its path ("card.preset"), in the schema's
// order. Layout, comments, attribute order and the date (a preset's expiry
// is computed from it) do not count, so only an edit to the block changes
// it. Secrets never enter the hash: a 9-digit id number or a test card's
// digest is brute-forced in seconds, so it would be the secret on disk by
// another name. They count by their masked form (last 4 and length, or
// length alone), so an edit that keeps the last 4 digits goes unnoticed:
// --replace NAME makes a fresh token then.
func digestOf(ts tokenSchema) string {
	var b strings.Builder
	writeInputs(&b, "", reflect.ValueOf(ts))
	sum := sha256.Sum256([]byte(b.String()))
	return "sha256:" + hex.EncodeToString(sum[:])
}

var rangeType = reflect.TypeOf(hcl.Range{})

// digestValue is what an attribute contributes to the digest: secrets by
// their masked form only.
func digestValue(attr, v string) string {
	switch attr {
	case "number", "account_number":
		return fmt.Sprintf("last4=%s len=%d", model.Last4(v), len(model.Digits(v)))
	case "cvc", "id_number":
		return fmt.Sprintf("%s len=%d", model.Sensitive, len(v))
	}
	return v
}

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
			fmt.Fprintf(b, "%s%s=%s\n", prefix, name, strconv.Quote(digestValue(name, field.String())))
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
