package emulator

import (
	"encoding/json"
	"fmt"
	"maps"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/tokenscope/tokenscope/model"
)

// metadata is an object's metadata, kept in its record and sent back as
// Stripe sends it: always an object, {} when empty.
type metadata map[string]string

func (m metadata) MarshalJSON() ([]byte, error) {
	if m == nil {
		return []byte("{}"), nil
	}
	return json.Marshal(map[string]string(m))
}

// Stripe's limits on metadata.
const (
	maxMetadataKeys  = 50
	maxMetadataKey   = 40
	maxMetadataValue = 500
)

// metadataParams are the allow-list entries of an endpoint that takes
// metadata: metadata[<key>] for any key, and metadata="" to clear it all.
var metadataParams = []string{"metadata", "metadata["}

// readMetadata applies the request's metadata to old (nil on a create)
// as Stripe does: metadata[k]=v sets k, an empty value unsets it, and
// metadata="" unsets every key. It checks Stripe's limits (50 keys, keys
// of at most 40 characters, values of at most 500) with Stripe's
// messages. old is not changed: the answer is the new metadata, nil when
// it is empty.
func readMetadata(p params, old metadata) (metadata, *model.Error) {
	out := maps.Clone(old)
	if vs, ok := p.Values["metadata"]; ok {
		if vs[len(vs)-1] != "" {
			return nil, invalid("", "metadata", "Invalid hash: metadata takes metadata[key]=value pairs, or an empty string to unset them all.")
		}
		out = nil
	}
	// Sorted, so the same refusal is named whatever the map's order.
	for _, k := range slices.Sorted(maps.Keys(p.Values)) {
		rest, ok := strings.CutPrefix(k, "metadata[")
		if !ok {
			continue
		}
		key, after, closed := strings.Cut(rest, "]")
		switch {
		case !closed || key == "":
			return nil, invalid("", k, "Invalid metadata key in "+k+": metadata takes metadata[key]=value, with a key of 1 to 40 characters.")
		case after != "":
			return nil, invalid("", k, "Invalid value type for metadata["+key+"]: metadata values must be strings.")
		}
		vs := p.Values[k]
		value := vs[len(vs)-1]
		if n := utf8.RuneCountInString(key); n > maxMetadataKey {
			return nil, invalid("", "metadata", fmt.Sprintf(
				"Metadata keys can have up to %d characters, but you passed in a key that is %d characters. Invalid key: %s", maxMetadataKey, n, key))
		}
		if n := utf8.RuneCountInString(value); n > maxMetadataValue {
			return nil, invalid("", "metadata", fmt.Sprintf(
				"Metadata values can have up to %d characters, but you passed in a value that is %d characters. Invalid value: %s", maxMetadataValue, n, value))
		}
		if value == "" {
			delete(out, key)
			continue
		}
		if out == nil {
			out = metadata{}
		}
		out[key] = value
	}
	if len(out) > maxMetadataKeys {
		return nil, invalid("", "metadata", fmt.Sprintf("Metadata can have up to %d keys, but you've set %d.", maxMetadataKeys, len(out)))
	}
	if len(out) == 0 {
		return nil, nil
	}
	return out, nil
}
