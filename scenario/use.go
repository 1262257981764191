package scenario

import (
	"fmt"
	"slices"

	"github.com/hashicorp/hcl/v2"

	"github.com/tokenscope/tokenscope/model"
)

// useKinds says which token kinds each use step can consume, from the
// kinds' Uses: cards can be charged or attached, bank accounts only
// attached, pii and account tokens are consumed by Connect calls
// tokenscope does not make.
var useKinds = func() map[model.UseKind][]model.Kind {
	m := map[model.UseKind][]model.Kind{model.UseCharge: nil, model.UseCustomer: nil}
	for _, s := range model.Kinds() {
		for _, u := range s.Uses {
			m[u] = append(m[u], s.Kind)
		}
	}
	return m
}()

// decodeUse checks a use block's shape and currency. The minimum amount is
// left to the charge itself: Stripe derives it from the account's settlement
// currency, so a too-small amount is a failed step at apply, not a plan error.
func decodeUse(u *useBlock, kind model.Kind) (*model.UseRequest, hcl.Diagnostics) {
	use := &model.UseRequest{Kind: model.UseKind(u.Kind)}
	kinds, known := useKinds[use.Kind]
	if !known {
		return nil, hcl.Diagnostics{{
			Severity: hcl.DiagError,
			Summary:  "Unknown use",
			Detail:   suggested(fmt.Sprintf("A use step is \"charge\" or \"customer\", not %q.", u.Kind), u.Kind, []string{string(model.UseCharge), string(model.UseCustomer)}),
			Subject:  u.KindRange.Ptr(),
		}}
	}
	if !slices.Contains(kinds, kind) {
		return nil, hcl.Diagnostics{{
			Severity: hcl.DiagError,
			Summary:  "Unsupported use",
			Detail:   fmt.Sprintf("A %s token cannot be used by a %s here; %s steps take %v tokens.", kind, use.Kind, use.Kind, kinds),
			Subject:  u.KindRange.Ptr(),
		}}
	}
	if use.Kind == model.UseCustomer || use.Kind == model.UseAccount {
		for _, r := range []hcl.Range{u.AmountRange, u.CurrencyRange} {
			if r.Filename != "" {
				return nil, hcl.Diagnostics{{
					Severity: hcl.DiagError,
					Summary:  "Unexpected argument",
					Detail:   "A customer use takes no amount or currency: it attaches the token to a new customer.",
					Subject:  r.Ptr(),
				}}
			}
		}
		return use, nil
	}
	if u.Amount == nil {
		return nil, hcl.Diagnostics{{
			Severity: hcl.DiagError,
			Summary:  "Missing required argument",
			Detail:   "A charge needs an amount, in the currency's smallest unit (1000 is $10.00).",
			Subject:  u.DefRange.Ptr(),
		}}
	}
	use.Amount, use.Currency = *u.Amount, "usd"
	set(&use.Currency, u.Currency)
	if use.Amount <= 0 {
		return nil, hcl.Diagnostics{{
			Severity: hcl.DiagError,
			Summary:  "Invalid amount: parameter_invalid_integer",
			Detail:   "amount: parameter_invalid_integer, Invalid positive integer",
			Subject:  u.AmountRange.Ptr(),
		}}
	}
	if fe := model.ValidateCurrency(use.Currency); fe != nil {
		return nil, hcl.Diagnostics{fieldDiag("Invalid currency", fe, nil, u.CurrencyRange)}
	}
	return use, nil
}
