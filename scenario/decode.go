package scenario

import (
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/gohcl"
	"github.com/hashicorp/hcl/v2/hclsyntax"

	"github.com/tokenscope/tokenscope/model"
)

// tokenBlock is a token block's body as written.
type tokenBlock struct {
	kinds []kindBlock
	use   *useBlock
	// steps are the steps after the use, in the file's order.
	steps []stepBlock
}

// kindBlock is a kind's block: the attributes it sets, in the schema's
// order (preset first, then the kind's inputs).
type kindBlock struct {
	spec  *model.KindSpec
	def   hcl.Range
	attrs []attrValue
}

// attrValue is one attribute as written: a number by its digits.
type attrValue struct {
	name, text string
	num        bool
	input      *model.Input // nil for preset
	rng        hcl.Range
}

// decodeBody reads a token block's body against the registry's schema,
// reporting what gohcl would: unknown or missing arguments, duplicate
// blocks, values of the wrong type.
func decodeBody(ts tokenSchema) (tokenBlock, hcl.Diagnostics) {
	var tb tokenBlock
	content, diags := ts.Body.Content(tokenBody())
	for _, blk := range content.Blocks { // a step may come more than once (refund, then refund the rest)
		if _, ok := stepSpecs[model.UseKind(blk.Type)]; ok {
			sb, sdiags := decodeStep(blk)
			diags = append(diags, sdiags...)
			tb.steps = append(tb.steps, sb)
		}
	}
	byType := content.Blocks.ByType()
	for _, bs := range tokenBody().Blocks {
		blocks := byType[bs.Type]
		_, step := stepSpecs[model.UseKind(bs.Type)]
		switch {
		case len(blocks) == 0 || step:
			continue
		case len(blocks) > 1:
			diags = append(diags, &hcl.Diagnostic{
				Severity: hcl.DiagError,
				Summary:  fmt.Sprintf("Duplicate %s block", bs.Type),
				Detail:   fmt.Sprintf("Only one %s block is allowed. Another was defined at %s.", bs.Type, blocks[0].DefRange.String()),
				Subject:  &blocks[1].DefRange,
			})
			continue
		}
		blk := blocks[0]
		if bs.Type == "use" {
			u := &useBlock{Kind: blk.Labels[0], KindRange: blk.LabelRanges[0], DefRange: blk.DefRange}
			diags = append(diags, gohcl.DecodeBody(blk.Body, nil, &u.useSchema)...)
			tb.use = u
			continue
		}
		spec, _ := model.SpecOf(model.Kind(bs.Type))
		kb, kdiags := decodeKind(spec, blk)
		diags = append(diags, kdiags...)
		tb.kinds = append(tb.kinds, kb)
	}
	return tb, diags
}

func decodeKind(spec *model.KindSpec, blk *hcl.Block) (kindBlock, hcl.Diagnostics) {
	kb := kindBlock{spec: spec, def: blk.DefRange}
	schema := kindBody(spec)
	content, diags := blk.Body.Content(schema)
	inputs := map[string]*model.Input{}
	for i, in := range spec.Create.Inputs {
		if in.Attr != "" {
			inputs[in.Attr] = &spec.Create.Inputs[i]
		}
	}
	for _, as := range schema.Attributes {
		attr, ok := content.Attributes[as.Name]
		if !ok {
			continue
		}
		v := attrValue{name: as.Name, input: inputs[as.Name], rng: attr.Range}
		if v.input != nil && v.input.Int {
			var n int
			diags = append(diags, gohcl.DecodeExpression(attr.Expr, nil, &n)...)
			v.text, v.num = strconv.Itoa(n), true
		} else {
			diags = append(diags, gohcl.DecodeExpression(attr.Expr, nil, &v.text)...)
		}
		kb.attrs = append(kb.attrs, v)
	}
	return kb, diags
}

// decodeToken turns one token block into a request and use step, validated
// with model.Validate so a scenario fails at plan time exactly where the
// create form would, with Stripe's code.
func decodeToken(ts tokenSchema, tb tokenBlock, now time.Time) (Token, hcl.Diagnostics) {
	tok := Token{Name: ts.Name, Range: ts.DefRange, Digest: digestOf(tb)}
	if !hclsyntax.ValidIdentifier(ts.Name) {
		return tok, hcl.Diagnostics{{
			Severity: hcl.DiagError,
			Summary:  "Invalid token name",
			Detail:   "A token name must start with a letter or underscore and may contain only letters, digits, underscores, and dashes.",
			Subject:  ts.NameRange.Ptr(),
		}}
	}
	if len(tb.kinds) != 1 {
		return tok, hcl.Diagnostics{{
			Severity: hcl.DiagError,
			Summary:  "Exactly one token kind required",
			Detail:   fmt.Sprintf("Token %q has %d of the blocks %s; it needs exactly one.", ts.Name, len(tb.kinds), kindBlockNames()),
			Subject:  ts.DefRange.Ptr(),
		}}
	}
	kb := tb.kinds[0]
	req, diags := kb.request(now)
	if !diags.HasErrors() {
		tok.Request = req
		diags = append(diags, kb.check(req, now)...)
	}
	if tb.use != nil {
		var udiags hcl.Diagnostics
		tok.Use, udiags = decodeUse(tb.use, kb.spec.Kind)
		diags = append(diags, udiags...)
		var ediags hcl.Diagnostics
		tok.ExpectEvents, ediags = decodeExpectEvents(tb.use)
		tok.expectRange = tb.use.ExpectEventsRange
		diags = append(diags, ediags...)
		if tok.Use != nil && tok.Use.Kind == model.UseIDNumber {
			var adiags hcl.Diagnostics
			tok.accountRef, adiags = decodeAccountRef(tb.use)
			diags = append(diags, adiags...)
		}
	}
	if len(tb.steps) > 0 {
		var sdiags hcl.Diagnostics
		tok.Steps, sdiags = decodeSteps(tok, tb.use, tb.steps)
		diags = append(diags, sdiags...)
	}
	return tok, diags
}

// check validates a block's request with model.Validate, and before it
// each attribute with its input's own check, so that every attribute at
// fault is reported, not the first; Validate's error is left out when it
// is about an attribute already reported.
func (kb kindBlock) check(req model.TokenRequest, now time.Time) hcl.Diagnostics {
	var diags hcl.Diagnostics
	reported := map[string]bool{}
	for _, a := range kb.attrs {
		if a.input == nil || a.input.Check == nil {
			continue
		}
		if fe := a.input.Check(a.text, req, now); fe != nil {
			diags = append(diags, fieldDiag("Invalid "+string(req.Kind), fe, nil, a.rng))
			reported[fe.Param] = true
		}
	}
	if err := model.Validate(req, now); err != nil {
		var fe *model.FieldError
		if !errors.As(err, &fe) || !reported[fe.Param] {
			diags = append(diags, fieldDiag("Invalid "+string(req.Kind), err, kb.ranges(), kb.def))
		}
	}
	return diags
}

// kindBlockNames lists the kinds' blocks: "card, bank_account, pii and
// account".
func kindBlockNames() string {
	var names []string
	for _, k := range model.Creatable() {
		names = append(names, string(k.Kind))
	}
	last := len(names) - 1
	return strings.Join(names[:last], ", ") + " and " + names[last]
}

// request builds the block's request: from its preset when it names one,
// refined by the attributes it sets (a preset card with a holder name,
// say). Without a preset, a request whose test data is a preset's is
// recorded as that preset.
func (kb kindBlock) request(now time.Time) (model.TokenRequest, hcl.Diagnostics) {
	c := kb.spec.Create
	var preset *attrValue
	for i, a := range kb.attrs {
		if a.input == nil {
			preset = &kb.attrs[i]
		}
	}
	req := model.NewRequest(kb.spec)
	var diags hcl.Diagnostics
	if preset != nil {
		for _, a := range kb.attrs {
			if a.input != nil && a.input.Ident {
				diags = append(diags, &hcl.Diagnostic{
					Severity: hcl.DiagError,
					Summary:  "Conflicting arguments",
					Detail: fmt.Sprintf("A %s takes either preset or %s, not both: the preset already names the test %s.",
						kb.spec.Label, a.name, kb.spec.Label),
					Subject: a.rng.Ptr(),
				})
			}
		}
		if diags.HasErrors() {
			return req, diags
		}
		var pdiags hcl.Diagnostics
		req, pdiags = fromPreset(preset.text, kb.spec, preset.rng, now)
		diags = append(diags, pdiags...)
	}
	for _, a := range kb.attrs {
		if a.input == nil {
			continue
		}
		if fe := a.input.Set(&req, a.text); fe != nil {
			diags = append(diags, fieldDiag("Invalid "+string(kb.spec.Kind), fe, nil, a.rng))
		}
	}
	if preset == nil {
		req.Preset = c.PresetOf(req, now)
	}
	return req, diags
}

// ranges maps each attribute the block sets to where it is written, for
// diagnostics on the attribute a validation error names.
func (kb kindBlock) ranges() map[string]hcl.Range {
	m := make(map[string]hcl.Range, len(kb.attrs))
	for _, a := range kb.attrs {
		m[a.name] = a.rng
	}
	return m
}

// fieldDiag renders a validation error as a diagnostic on the attribute it
// names (the block when the attribute is absent), with Stripe's code first.
func fieldDiag(summary string, err error, ranges map[string]hcl.Range, block hcl.Range) *hcl.Diagnostic {
	subject := block
	var fe *model.FieldError
	if errors.As(err, &fe) {
		summary += ": " + fe.Code
		if r, ok := ranges[paramName(fe.Param)]; ok && r.Filename != "" {
			subject = r
		}
	}
	return &hcl.Diagnostic{Severity: hcl.DiagError, Summary: summary, Detail: err.Error(), Subject: &subject}
}

// paramName reduces Stripe's "card[number]" to the attribute name "number".
func paramName(param string) string {
	if i := strings.LastIndex(param, "["); i >= 0 {
		param = strings.TrimSuffix(param[i+1:], "]")
	}
	return param
}

// fromPreset starts a request from a preset, reporting an unknown name
// (with the kind's preset it is likely a typo of), or one of another kind,
// on the preset attribute.
func fromPreset(preset string, spec *model.KindSpec, r hcl.Range, now time.Time) (model.TokenRequest, hcl.Diagnostics) {
	req, err := model.FromPresetAt(preset, now)
	if err == nil && req.Kind != spec.Kind {
		err = fmt.Errorf("preset %q makes a %s token, not a %s token", preset, req.Kind, spec.Kind)
	}
	if err != nil {
		d := fieldDiag("Invalid preset", err, nil, r)
		names := make([]string, len(spec.Create.Presets))
		for i, p := range spec.Create.Presets {
			names[i] = p.Name
		}
		d.Detail = model.Suggested(d.Detail, preset, names)
		return req, hcl.Diagnostics{d}
	}
	return req, nil
}

// set overrides *dst with an attribute the file gave.
func set[T any](dst *T, v *T) {
	if v != nil {
		*dst = *v
	}
}
