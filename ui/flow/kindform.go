package flow

import (
	"time"

	"github.com/charmbracelet/huh"

	"github.com/tokenscope/tokenscope/model"
)

// kindForm is the form of one kind of token, built from its registry
// entry (model.Creator): a preset picker when the kind has test data, then
// its inputs that have a label, the Ident ones (what a preset names)
// first. The values outlive any one huh.Form.
type kindForm struct {
	spec            *model.KindSpec
	now             func() time.Time
	inputs          []model.Input
	values          []string      // as typed, one per input
	texts           []*huh.Input  // the text fields over values; nil for a choice
	preset, applied string        // chosen, and last filled in
	picker          *presetSelect // over preset; nil for a kind without presets
	// followed: the fields, not the user, chose preset (follow), so it
	// follows them on; a custom the user chose stays.
	followed bool
}

func newKindForm(spec *model.KindSpec, now func() time.Time) *kindForm {
	f := &kindForm{spec: spec, now: now}
	for _, ident := range []bool{true, false} {
		for _, in := range spec.Create.Inputs {
			if in.Label != "" && in.Ident == ident {
				f.inputs = append(f.inputs, in)
				f.values = append(f.values, in.Example)
			}
		}
	}
	f.texts = make([]*huh.Input, len(f.inputs))
	if ps := spec.Create.Presets; len(ps) > 0 {
		f.preset = ps[0].Name
		f.sync()
	}
	return f
}

func (f *kindForm) fields(rows, width int) []huh.Field {
	var out []huh.Field
	if ps := f.spec.Create.Presets; len(ps) > 0 {
		names := make([]string, len(ps))
		expects := make([]string, len(ps))
		for i, p := range ps {
			names[i], expects[i] = p.Name, p.Expect
		}
		f.picker = presetPicker(&f.preset, min(rows, len(names)+1), width, names, expects)
		out = append(out, f.picker)
	}
	for i, in := range f.inputs {
		if in.Choices != nil {
			f.texts[i] = nil
			out = append(out, choice(in.Label, &f.values[i], in.Choices...))
			continue
		}
		field := input
		if in.Secret {
			field = secret
		}
		t := field(in.Label, in.Limit(), &f.values[i], f.check(in))
		if in.Placeholder != "" {
			t.Placeholder(placeholder(in.Placeholder))
		}
		f.texts[i] = t
		out = append(out, t)
	}
	return out
}

// ownNumber leaves the presets for custom and empties the field under
// the list (a card's number, a routing number, an id number: what a
// preset names) for a number of the user's own, typed on the list. It
// reports false when that field is not such a text field.
func (f *kindForm) ownNumber() bool {
	if len(f.inputs) == 0 || f.texts[0] == nil || !f.inputs[0].Ident {
		return false
	}
	f.preset, f.applied = custom, custom
	f.values[0] = ""
	f.texts[0].Value(&f.values[0]) // huh's inputs read their value once
	return true
}

// check is an input's own check as its field is left, given the rest of
// the form (a CVC's length depends on the card number).
func (f *kindForm) check(in model.Input) func(string) error {
	if in.Check == nil {
		return nil
	}
	return check(func(s string) *model.FieldError {
		req, _ := f.build()
		return in.Check(s, req, f.now())
	})
}

// sync fills the fields from a preset newly chosen; "custom" keeps them.
// A preset leaves alone what it does not give and, for a Keep input,
// what was typed.
func (f *kindForm) sync() bool {
	if f.preset == f.applied {
		f.follow()
		return false
	}
	f.applied, f.followed = f.preset, false
	p, ok := f.spec.Create.Preset(f.preset)
	if !ok {
		return false
	}
	req := p.Request(f.now())
	for i, in := range f.inputs {
		v := in.Get(req)
		if v == "" || (in.Keep && f.values[i] != "") {
			continue
		}
		if in.Show != nil {
			v = in.Show(v)
		}
		f.values[i] = v
	}
	// huh's inputs read their value once; point them at it again.
	for i, t := range f.texts {
		if t != nil {
			t.Value(&f.values[i])
		}
	}
	return true
}

// follow keeps the picker saying what the fields hold once a preset's
// test data was typed over (a number typed by hand): the preset whose
// test data they now are, else custom. The fields are left as typed.
func (f *kindForm) follow() {
	p, ok := f.spec.Create.Preset(f.preset)
	if f.picker == nil || (!ok && !f.followed) {
		return // a kind without presets, or the user's own custom
	}
	req, _ := f.build() // the test data is read first (Ident inputs lead)
	if ok && f.spec.Create.SameTestData(req, p.Request(f.now())) {
		return
	}
	name := f.spec.Create.PresetOf(req, f.now())
	if name == "" {
		name = custom
	}
	if name != f.preset {
		f.preset, f.applied, f.followed = name, name, true
		f.picker.Select.Value(&f.preset) // huh's Select writes back what it hovers
	}
}

// build makes the request the values stand for, stopping at the first
// value that cannot be read (an expiry not written as MM/YY). A field
// that does not belong to the request (an individual's name once the
// business type is company) is kept as typed but not sent.
func (f *kindForm) build() (model.TokenRequest, *model.FieldError) {
	req := model.NewRequest(f.spec)
	for i, in := range f.inputs {
		if fe := in.Set(&req, f.values[i]); fe != nil {
			return req, fe
		}
	}
	for _, in := range f.inputs {
		if !in.Applies(req) {
			_ = in.Set(&req, "") // text inputs take "" as nothing given
		}
	}
	return req, nil
}

// request keeps the preset's name while its test data is still the
// preset's: the plan and the record then say which test card this is.
func (f *kindForm) request() (model.TokenRequest, error) {
	req, fe := f.build()
	if fe != nil {
		return model.TokenRequest{}, fe
	}
	if p, ok := f.spec.Create.Preset(f.preset); ok && f.spec.Create.SameTestData(req, p.Request(f.now())) {
		req.Preset = p.Name
	} else {
		// Custom fields typed as a preset's test data are that test card
		// (or bank account, id number): its record says so.
		req.Preset = f.spec.Create.PresetOf(req, f.now())
	}
	return req, nil
}
