package model

import (
	"strconv"
	"time"
)

// Drift is one difference between a token as recorded and as the API now
// reports it, or the news that it is gone.
type Drift struct {
	ID       string
	Field    string // "used", "card.cvc_check"; empty when Gone
	From, To string // values as the API writes them; "null" for none
	Code     string // the API's error code when Gone (resource_missing)
	Gone     bool
}

// null is how a drift shows a value the API left out.
const null = "null"

// Diff lists what changed between the recorded token and the API's newer
// view of it, top-level fields first. Fields the API left out on both
// sides are not drift.
func Diff(old, newer Record) []Drift {
	var out []Drift
	add := func(field, from, to string) {
		if from != to {
			out = append(out, Drift{ID: old.ID, Field: field, From: orNull(from), To: orNull(to)})
		}
	}
	add("used", strconv.FormatBool(old.Used), strconv.FormatBool(newer.Used))
	add("livemode", strconv.FormatBool(old.Livemode), strconv.FormatBool(newer.Livemode))
	add("type", string(old.Type), string(newer.Type))
	of, err1 := DecodeFields(old.Raw)
	nf, err2 := DecodeFields(newer.Raw)
	if err1 != nil || err2 != nil {
		return out
	}
	// Every kind's fields, whatever the token's kind: a token that changed
	// kind shows its old fields going.
	for _, k := range kinds {
		for _, f := range k.Drift {
			add(f.Path, f.Show(of), f.Show(nf))
		}
	}
	return out
}

func orNull(s string) string {
	if s == "" {
		return null
	}
	return s
}

// GoneDrift records that the API no longer knows the token; code is its
// error code, usually resource_missing.
func GoneDrift(old Record, code string) Drift {
	return Drift{ID: old.ID, Code: code, Gone: true}
}

// RefreshReport is the outcome of re-reading tokens from the API.
type RefreshReport struct {
	Total   int
	Elapsed time.Duration
	Drifts  []Drift
	// Errors holds the tokens that could not be read (other than gone), by id.
	Errors map[string]error
	// Unsent holds, by Idempotency-Key, the pending requests the refresh
	// sent again that got no answer, or that it left to the user: what
	// they made, if anything, is still not in the state.
	Unsent map[string]error
}

// Counts says how many tokens changed, are gone, failed to refresh and
// stayed the same. A token with several drifted fields counts once.
func (r RefreshReport) Counts() (changed, gone, failed, unchanged int) {
	seen := map[string]bool{}
	for _, d := range r.Drifts {
		if seen[d.ID] {
			continue
		}
		seen[d.ID] = true
		if d.Gone {
			gone++
		} else {
			changed++
		}
	}
	failed = len(r.Errors)
	unchanged = max(0, r.Total-changed-gone-failed)
	return changed, gone, failed, unchanged
}
