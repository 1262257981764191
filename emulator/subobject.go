package emulator

import (
	"maps"
	"slices"
	"strconv"
	"strings"

	"github.com/tokenscope/tokenscope/model"
)

// A subObject is a nested parameter the emulator keeps whole, as Stripe
// returns it (company, business_profile, tos_acceptance, a person's
// relationship): its exact sub-keys, each of a kind, so the allow-list
// holds each key Stripe documents that the emulator keeps, and any other
// is refused by name rather than accepted and dropped.
type subObject struct {
	name string
	// fields are the sub-keys, as in the form: "name", "address[city]".
	fields map[string]fieldKind
}

type fieldKind int

const (
	textField fieldKind = iota
	boolField
	intField
	numberField
	// providedField is a number Stripe never sends back (a tax id): it
	// is not kept, only that one was given, as <key>_provided.
	providedField
)

// params are the allow-list entries: name[field] for each field.
func (s subObject) params() []string {
	var out []string
	for _, f := range slices.Sorted(maps.Keys(s.fields)) {
		out = append(out, s.param(f))
	}
	return out
}

// param is field's form key: company[address][city] for address[city].
func (s subObject) param(field string) string {
	parent, child, nested := strings.Cut(field, "[")
	if nested {
		return s.name + "[" + parent + "][" + child
	}
	return s.name + "[" + field + "]"
}

// read applies the request's name[...] parameters onto old (kept values
// by field, nil for none), checking each value's kind; an empty value
// unsets the field. old is not changed.
func (s subObject) read(p params, old map[string]string) (map[string]string, *model.Error) {
	out := maps.Clone(old)
	for _, f := range slices.Sorted(maps.Keys(s.fields)) {
		param := s.param(f)
		if !p.Has(param) {
			continue
		}
		v := p.get(param)
		if v == "" {
			delete(out, f)
			continue
		}
		kind := s.fields[f]
		var aerr *model.Error
		switch kind {
		case boolField:
			_, aerr = p.boolean(param)
		case intField:
			_, _, aerr = p.integer(param)
		case numberField:
			if _, err := strconv.ParseFloat(v, 64); err != nil {
				aerr = invalid("", param, "Invalid decimal: "+v)
			}
		}
		if aerr != nil {
			return nil, aerr
		}
		if out == nil {
			out = map[string]string{}
		}
		if kind == providedField {
			f, v = f+"_provided", "true"
		}
		out[f] = v
	}
	return out, nil
}

// render is the kept fields as the nested object Stripe returns, each
// value of its kind; nil when none is kept.
func (s subObject) render(kept map[string]string) map[string]any {
	if len(kept) == 0 {
		return nil
	}
	out := map[string]any{}
	for f, v := range kept {
		into, value := out, s.value(f, v)
		if parent, child, nested := strings.Cut(f, "["); nested {
			sub, _ := out[parent].(map[string]any)
			if sub == nil {
				sub = map[string]any{}
				out[parent] = sub
			}
			into, f = sub, strings.TrimSuffix(child, "]")
		}
		into[f] = value
	}
	return out
}

func (s subObject) value(field, v string) any {
	switch s.fields[field] {
	case boolField:
		return v == "true"
	case intField:
		n, _ := strconv.ParseInt(v, 10, 64)
		return n
	case numberField:
		n, _ := strconv.ParseFloat(v, 64)
		return n
	}
	if strings.HasSuffix(field, "_provided") {
		return true
	}
	return v
}
