package emulator

import (
	_ "embed"
	"strings"
	"sync"
)

// stripeParams are the request parameters Stripe's spec documents for
// the endpoints the emulator serves, one "METHOD path key" a line, where
// path is the endpoint's (customers/{}) and key a form key in which [*]
// stands for any map key and [#] for any array index
// (stripeparams_test.go keeps the file in step with the spec): a
// parameter the emulator does not accept but Stripe does is told so,
// rather than called a typo.
//
//go:embed stripe_params.txt
var stripeParams string

// knownParams is stripeParams by endpoint, read once.
var knownParams = sync.OnceValue(func() map[string]map[string]bool {
	out := map[string]map[string]bool{}
	for line := range strings.Lines(stripeParams) {
		f := strings.Fields(line)
		if len(f) != 3 {
			continue
		}
		ep := f[0] + " " + f[1]
		if out[ep] == nil {
			out[ep] = map[string]bool{}
		}
		out[ep][f[2]] = true
	}
	return out
})

// stripeKnows reports whether Stripe's spec documents the form key for
// ep: each bracketed segment is a property, or an index ([0], [], as
// clients encode arrays) of an array, or a key of a map.
func (ep *endpoint) stripeKnows(key string) bool {
	known := knownParams()[ep.method+" "+ep.path]
	name, rest, _ := strings.Cut(key, "[")
	if !known[name] {
		return false
	}
	for rest != "" {
		seg, after, ok := strings.Cut(rest, "]")
		if !ok || (after != "" && !strings.HasPrefix(after, "[")) {
			return false
		}
		rest = strings.TrimPrefix(after, "[")
		switch {
		case known[name+"["+seg+"]"]:
			name += "[" + seg + "]"
		case strings.Trim(seg, "0123456789") == "" && known[name+"[#]"]:
			name += "[#]"
		case known[name+"[*]"]:
			name += "[*]"
		default:
			return false
		}
	}
	return true
}
