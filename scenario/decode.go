package scenario

import (
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
	"github.com/tokenscope/tokenscope/model"
)

// decodeToken turns one token block into a request and use step, validated
// with model.Validate so a scenario fails at plan time exactly where the
// create form would, with Stripe's code.
func decodeToken(ts tokenSchema, now time.Time) (Token, hcl.Diagnostics) {
	tok := Token{Name: ts.Name, Range: ts.DefRange, Digest: digestOf(ts)}
	if !hclsyntax.ValidIdentifier(ts.Name) {
		return tok, hcl.Diagnostics{{
			Severity: hcl.DiagError,
			Summary:  "Invalid token name",
			Detail:   "A token name must start with a letter or underscore and may contain only letters, digits, underscores, and dashes.",
			Subject:  ts.NameRange.Ptr(),
		}}
	}
	kinds := 0
	for _, set := range []bool{ts.Card != nil, ts.Bank != nil, ts.PII != nil, ts.Account != nil} {
		if set {
			kinds++
		}
	}
	if kinds != 1 {
		return tok, hcl.Diagnostics{{
			Severity: hcl.DiagError,
			Summary:  "Exactly one token kind required",
			Detail:   fmt.Sprintf("Token %q has %d of the blocks card, bank_account, pii and account; it needs exactly one.", ts.Name, kinds),
			Subject:  ts.DefRange.Ptr(),
		}}
	}
	var (
		diags  hcl.Diagnostics
		ranges map[string]hcl.Range // validation param -> attribute range
		block  hcl.Range
	)
	switch {
	case ts.Card != nil:
		tok.Request, ranges, diags = decodeCard(ts.Card, now)
		block = ts.Card.DefRange
	case ts.Bank != nil:
		tok.Request, ranges, diags = decodeBank(ts.Bank, now)
		block = ts.Bank.DefRange
	case ts.PII != nil:
		tok.Request, ranges, diags = decodePII(ts.PII, now)
		block = ts.PII.DefRange
	default:
		tok.Request, ranges = decodeAccount(ts.Account)
		block = ts.Account.DefRange
	}
	if diags.HasErrors() {
		return tok, diags
	}
	if err := model.Validate(tok.Request, now); err != nil {
		diags = append(diags, fieldDiag("Invalid "+string(tok.Request.Kind), err, ranges, block))
	}
	if ts.Use != nil {
		var udiags hcl.Diagnostics
		tok.Use, udiags = decodeUse(ts.Use, tok.Request.Kind)
		diags = append(diags, udiags...)
	}
	return tok, diags
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

// fromPreset starts a request from a preset, when one is named, reporting an
// unknown name on the preset attribute.
func fromPreset(preset *string, kind model.Kind, r hcl.Range, now time.Time) (model.TokenRequest, hcl.Diagnostics) {
	if preset == nil {
		return model.TokenRequest{Kind: kind}, nil
	}
	req, err := model.FromPresetAt(*preset, now)
	if err == nil && req.Kind != kind {
		err = fmt.Errorf("preset %q makes a %s token, not a %s token", *preset, req.Kind, kind)
	}
	if err != nil {
		return req, hcl.Diagnostics{fieldDiag("Invalid preset", err, nil, r)}
	}
	return req, nil
}

func decodeCard(c *cardSchema, now time.Time) (model.TokenRequest, map[string]hcl.Range, hcl.Diagnostics) {
	ranges := map[string]hcl.Range{"preset": c.PresetRange, "number": c.NumberRange,
		"exp_month": c.ExpMonthRange, "exp_year": c.ExpYearRange, "cvc": c.CVCRange}
	if c.Preset != nil && c.Number != nil {
		return model.TokenRequest{}, ranges, hcl.Diagnostics{{
			Severity: hcl.DiagError,
			Summary:  "Conflicting arguments",
			Detail:   "A card takes either preset or number, not both: the preset already names the test card.",
			Subject:  c.NumberRange.Ptr(),
		}}
	}
	req, diags := fromPreset(c.Preset, model.KindCard, c.PresetRange, now)
	if diags.HasErrors() {
		return req, ranges, diags
	}
	if req.Card == nil {
		req.Card = &model.CardInput{}
	}
	in := req.Card
	set(&in.Number, c.Number)
	set(&in.CVC, c.CVC)
	set(&in.Name, c.Name)
	set(&in.Zip, c.Zip)
	set(&in.ExpMonth, c.ExpMonth)
	set(&in.ExpYear, c.ExpYear)
	if card, ok := model.CardByNumber(in.Number); ok && c.Number != nil {
		req.Preset = card.Name
	}
	return req, ranges, nil
}

func decodeBank(b *bankSchema, now time.Time) (model.TokenRequest, map[string]hcl.Range, hcl.Diagnostics) {
	ranges := map[string]hcl.Range{"preset": b.PresetRange, "country": b.CountryRange,
		"currency": b.CurrencyRange, "routing_number": b.RoutingNumberRange,
		"account_number": b.AccountNumberRange, "account_holder_type": b.HolderTypeRange}
	req, diags := fromPreset(b.Preset, model.KindBank, b.PresetRange, now)
	if diags.HasErrors() {
		return req, ranges, diags
	}
	if req.Bank == nil {
		req.Bank = &model.BankInput{Country: "US", Currency: "usd"}
	}
	in := req.Bank
	set(&in.Country, b.Country)
	set(&in.Currency, b.Currency)
	set(&in.RoutingNumber, b.RoutingNumber)
	set(&in.AccountNumber, b.AccountNumber)
	set(&in.HolderName, b.HolderName)
	set(&in.HolderType, b.HolderType)
	if req.Preset == "" {
		if bank, ok := model.BankByAccount(in.AccountNumber); ok && in.RoutingNumber == bank.RoutingNumber {
			req.Preset = bank.Name
		}
	}
	return req, ranges, nil
}

func decodePII(p *piiSchema, now time.Time) (model.TokenRequest, map[string]hcl.Range, hcl.Diagnostics) {
	ranges := map[string]hcl.Range{"preset": p.PresetRange, "id_number": p.IDNumberRange}
	req, diags := fromPreset(p.Preset, model.KindPII, p.PresetRange, now)
	if diags.HasErrors() {
		return req, ranges, diags
	}
	if req.PII == nil {
		req.PII = &model.PIIInput{}
	}
	set(&req.PII.IDNumber, p.IDNumber)
	return req, ranges, nil
}

func decodeAccount(a *accountSchema) (model.TokenRequest, map[string]hcl.Range) {
	in := &model.AccountInput{BusinessType: a.BusinessType}
	set(&in.FirstName, a.FirstName)
	set(&in.LastName, a.LastName)
	return model.TokenRequest{Kind: model.KindAccount, Account: in},
		map[string]hcl.Range{"business_type": a.BusinessTypeRange}
}

// set overrides *dst with an attribute the file gave, so explicit fields
// refine a preset (a preset card with a holder name, say).
func set[T any](dst *T, v *T) {
	if v != nil {
		*dst = *v
	}
}
