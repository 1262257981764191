package scenario

import (
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/hashicorp/hcl/v2"

	"github.com/tokenscope/tokenscope/model"
)

// useStep is what a scenario knows of one use step: which arguments its
// block takes. useSteps is the one list of them: decodeUse reads blocks by
// it, Export writes them by it.
type useStep struct {
	amount  bool // takes amount and currency
	intent  bool // takes capture_method and return_url too
	account bool // takes account, a reference to another block (accountref.go)
}

var useSteps = map[model.UseKind]useStep{
	model.UseCharge:        {amount: true},
	model.UseCustomer:      {},
	model.UsePaymentMethod: {},
	model.UsePaymentIntent: {amount: true, intent: true},
	model.UseAuthorize:     {amount: true},
	model.UseSetupIntent:   {},
	model.UseAccount:       {},
	model.UseIDNumber:      {account: true},
}

// useKinds says which token kinds each use step can consume, from the
// kinds' Uses: cards can be charged or attached, bank accounts only
// attached (a debit is a charge of the customer), pii and account tokens
// go to Connect accounts.
var useKinds = func() map[model.UseKind][]model.Kind {
	m := map[model.UseKind][]model.Kind{}
	for _, s := range model.Kinds() {
		for _, u := range s.Uses {
			if _, ok := useSteps[u]; ok {
				m[u] = append(m[u], s.Kind)
			}
		}
	}
	return m
}()

// useKindNames are the use steps a file may name, sorted.
func useKindNames() []string {
	var names []string
	for k := range useKinds {
		names = append(names, string(k))
	}
	slices.Sort(names)
	return names
}

// quotedUseKinds is `"a", "b" or "c"`: the use steps, as an error names them.
func quotedUseKinds() string {
	names := useKindNames()
	for i, n := range names {
		names[i] = strconv.Quote(n)
	}
	return strings.Join(names[:len(names)-1], ", ") + " or " + names[len(names)-1]
}

// decodeUse checks a use block's shape and currency. The minimum amount is
// left to the charge itself: Stripe derives it from the account's settlement
// currency, so a too-small amount is a failed step at apply, not a plan error.
func decodeUse(u *useBlock, kind model.Kind) (*model.UseRequest, hcl.Diagnostics) {
	use := &model.UseRequest{Kind: model.UseKind(u.Kind)}
	kinds, known := useKinds[use.Kind]
	if !known {
		detail := model.Suggested(fmt.Sprintf("A use step is %s, not %q.", quotedUseKinds(), u.Kind), u.Kind, useKindNames())
		if _, step := stepSpecs[use.Kind]; step {
			detail = fmt.Sprintf("A use step is %s; %s is a step after the use, on what it made: write %s {} after the use block.", quotedUseKinds(), u.Kind, u.Kind)
		}
		return nil, hcl.Diagnostics{{
			Severity: hcl.DiagError,
			Summary:  "Unknown use",
			Detail:   detail,
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
	step := useSteps[use.Kind]
	if !step.account && u.AccountRange.Filename != "" {
		return nil, hcl.Diagnostics{{
			Severity: hcl.DiagError,
			Summary:  "Unexpected argument",
			Detail:   "Only an id_number use takes account: the Connect account the id number goes to.",
			Subject:  u.AccountRange.Ptr(),
		}}
	}
	if !step.intent {
		for _, r := range []hcl.Range{u.CaptureMethodRange, u.ReturnURLRange} {
			if r.Filename != "" {
				return nil, hcl.Diagnostics{{
					Severity: hcl.DiagError,
					Summary:  "Unexpected argument",
					Detail:   "Only a payment_intent use takes capture_method and return_url.",
					Subject:  r.Ptr(),
				}}
			}
		}
	}
	if !step.amount {
		for _, r := range []hcl.Range{u.AmountRange, u.CurrencyRange} {
			if r.Filename != "" {
				return nil, hcl.Diagnostics{{
					Severity: hcl.DiagError,
					Summary:  "Unexpected argument",
					Detail:   "A " + string(use.Kind) + " use takes no amount or currency: it makes a " + string(use.Kind) + " of the token.",
					Subject:  r.Ptr(),
				}}
			}
		}
		return use, nil
	}
	set(&use.CaptureMethod, u.CaptureMethod)
	set(&use.ReturnURL, u.ReturnURL)
	if fe := model.ValidateCaptureMethod(use.CaptureMethod); fe != nil {
		return nil, hcl.Diagnostics{fieldDiag("Invalid capture_method", fe, nil, u.CaptureMethodRange)}
	}
	if fe := model.ValidateReturnURL(use.ReturnURL); fe != nil {
		return nil, hcl.Diagnostics{fieldDiag("Invalid return_url", fe, nil, u.ReturnURLRange)}
	}
	if u.Amount == nil {
		return nil, hcl.Diagnostics{{
			Severity: hcl.DiagError,
			Summary:  "Missing required argument",
			Detail:   "A " + string(use.Kind) + " needs an amount, in the currency's smallest unit (1000 is $10.00).",
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
