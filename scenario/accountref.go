package scenario

import (
	"fmt"
	"slices"

	"github.com/hashicorp/hcl/v2"

	"github.com/tokenscope/tokenscope/model"
)

// An id_number use gives a PII token to a Connect account, which another
// block of the same file makes: it names that block as Terraform names a
// resource, so a whole Connect onboarding fits in one file:
//
//	token "individual" {
//	  account { business_type = "individual" }
//	  use "account" {}
//	}
//	token "individual_id" {
//	  pii { preset = "id_match" }
//	  use "id_number" { account = token.individual }
//	}
//
// The block named must come earlier, so the apply has made its account
// (or the state has it) when the id number is sent.

// accountRef is an id_number use's reference as written.
type accountRef struct {
	name string
	rng  hcl.Range
}

// decodeAccountRef reads account = token.NAME of an id_number use.
func decodeAccountRef(u *useBlock) (accountRef, hcl.Diagnostics) {
	bad := func(r hcl.Range) hcl.Diagnostics {
		return hcl.Diagnostics{stepDiag("Invalid account",
			"An id_number use gives the id number to the Connect account another block's use \"account\" makes: "+
				"write account = token.NAME, NAME being that block's (or, after apply, run tokenscope use PII --id-number-for acct_…).", r)}
	}
	if u.AccountRange.Filename == "" {
		return accountRef{}, bad(u.DefRange)
	}
	tr, diags := hcl.AbsTraversalForExpr(u.Account)
	if diags.HasErrors() || len(tr) != 2 || tr.RootName() != "token" {
		return accountRef{}, bad(u.AccountRange)
	}
	attr, ok := tr[1].(hcl.TraverseAttr)
	if !ok {
		return accountRef{}, bad(u.AccountRange)
	}
	return accountRef{name: attr.Name, rng: u.AccountRange}, nil
}

// checkAccountRefs checks that each reference names an earlier block of
// toks whose use makes an account.
func checkAccountRefs(toks []Token) hcl.Diagnostics {
	var (
		diags    hcl.Diagnostics
		accounts []string // the blocks so far whose use makes an account
	)
	for _, t := range toks {
		if ref := t.accountRef; ref.name != "" {
			if !slices.Contains(accounts, ref.name) {
				diags = append(diags, stepDiag("Invalid account", model.Suggested(
					fmt.Sprintf("token.%s is no earlier block whose use \"account\" makes a Connect account; the blocks before this one that make one: %s.", ref.name, orNone(accounts)),
					ref.name, accounts), ref.rng))
			}
		}
		if t.Use != nil && t.Use.Kind == model.UseAccount {
			accounts = append(accounts, t.Name)
		}
	}
	return diags
}
