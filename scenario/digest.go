package scenario

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"strconv"
	"strings"

	"github.com/tokenscope/tokenscope/model"
)

// digestOf is the SHA-256 of a token block's inputs as written: each
// attribute the file sets, by its path ("card.preset"), in the schema's
// order. Layout, comments, attribute order and the date (a preset's expiry
// is computed from it) do not count, so only an edit to the block changes
// it. Secrets never enter the hash: a 9-digit id number or a test card's
// digest is brute-forced in seconds, so it would be the secret on disk by
// another name. They count by their masked form (last 4 and length, or
// length alone), so an edit that keeps the last 4 digits goes unnoticed:
// --replace NAME makes a fresh token then. The steps after the use do not
// count either: the record keeps which ran (model.Record.Steps), so a step
// added to an applied block runs on the token the state has.
func digestOf(tb tokenBlock) string {
	var b strings.Builder
	for _, k := range tb.kinds {
		fmt.Fprintf(&b, "%s {\n", k.spec.Kind)
		for _, a := range k.attrs {
			v := a.text
			if !a.num {
				v = strconv.Quote(digestValue(a))
			}
			fmt.Fprintf(&b, "%s.%s=%s\n", k.spec.Kind, a.name, v)
		}
	}
	if u := tb.use; u != nil {
		fmt.Fprintf(&b, "use {\nuse.kind=%s\n", strconv.Quote(u.Kind))
		if u.Amount != nil {
			fmt.Fprintf(&b, "use.amount=%d\n", *u.Amount)
		}
		if u.Currency != nil {
			fmt.Fprintf(&b, "use.currency=%s\n", strconv.Quote(*u.Currency))
		}
	}
	sum := sha256.Sum256([]byte(b.String()))
	return "sha256:" + hex.EncodeToString(sum[:])
}

// digestValue is what an attribute contributes to the digest: secrets by
// their masked form only.
func digestValue(a attrValue) string {
	switch {
	case a.input == nil:
	case a.input.Masked:
		return fmt.Sprintf("last4=%s len=%d", model.Last4(a.text), len(model.Digits(a.text)))
	case a.input.Secret:
		return fmt.Sprintf("%s len=%d", model.Sensitive, len(a.text))
	}
	return a.text
}

// recordDigest notes a block's digest on the token just made for it. It is
// a write of its own after Recorder.Create's, which links the key: an apply
// killed between the two leaves the token linked without a digest, which
// plans as unchanged, as a record from before digests does.
func recordDigest(ctx context.Context, r Recorder, id, digest string) error {
	if err := r.SetDigest(ctx, id, digest); err != nil {
		return fmt.Errorf("token %s was made, but recording its scenario digest failed: %w", id, err)
	}
	return nil
}
