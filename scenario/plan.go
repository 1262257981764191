package scenario

import (
	"fmt"
	"slices"
	"strconv"

	"github.com/tokenscope/tokenscope/model"
)

// PlanOptions say what to create anew and where requests go.
type PlanOptions struct {
	// Replace names tokens to create anew although the state has them
	// (--replace NAME); ReplaceAll does it for every token (--replace-all).
	Replace    []string
	ReplaceAll bool
	// Target labels the backend on the plan's request lines.
	Target string
}

// Plan is what an apply will do: the Terraform-style model.Plan that is
// shown (its Changes, Render, Counts), and the steps that carry out each
// change, in the file's order.
type Plan struct {
	model.Plan
	Steps []Step
	// Unchanged names the tokens the state already links to a token.
	Unchanged []string
	// File and Options are what the plan was made from, so that an apply
	// can make it again under the state lock (another apply may have done
	// some of it since).
	File    *File
	Options PlanOptions
}

// Step creates one token and, when the file says so, uses it; or, when
// the state has the token but not its use, only uses it.
type Step struct {
	Token Token
	// Key is the state's name for the token (File.Key).
	Key    string
	Create model.Change
	// Use is nil when the token has no use step.
	Use *model.Change
	// Replaces is the id of the token a replacement takes the place of.
	Replaces string
	// UseOnly is the id of the token the state has, whose use step never
	// ran (an apply interrupted between the two); Create is then unset.
	UseOnly string
	// Steps are the planned steps after the use (Token.Steps from
	// StepsFrom on: the record has done the ones before).
	Steps     []model.Change
	StepsFrom int
	// Made is the recorded use whose object the steps act on, when the
	// apply runs the steps alone (StepsOnly); nil otherwise.
	Made *model.Use
	// StepsOnly is the id of the token the state has, used, whose steps
	// did not all run; Create and Use are then unset.
	StepsOnly string
	// Account is the account an id_number use gives the id number to,
	// when the state has the block that makes it; "" when the same apply
	// makes it (accountref.go).
	Account string
}

// ReplaceError is a --replace NAME the file has no token block for.
type ReplaceError struct{ Name, File string }

func (e *ReplaceError) Error() string {
	return fmt.Sprintf("--replace %s: %s has no token named %q", e.Name, e.File, e.Name)
}

// MakePlan compares the file with the workspace, given as linked: the
// records the workspace links to scenario keys (File.Key); a link to a
// token the state no longer holds is none, so its block is created anew.
// A token whose key is linked is left alone, unless it is to be replaced
// or its block changed (Token.Digest differs from the record's; a record
// without one is not compared); every other token is created and then
// used. A linked token with a use step but no Use recorded (an apply
// killed between the two) gets its use planned again; if a refresh shows
// it used all the same, it was consumed elsewhere and is replaced. A
// linked token whose record lacks some of the block's steps (steps.go) gets
// those planned, on the object its recorded use made.
func MakePlan(f *File, linked map[string]model.Record, opts PlanOptions) (*Plan, error) {
	for _, name := range opts.Replace {
		if _, ok := f.Token(name); !ok {
			return nil, &ReplaceError{Name: name, File: f.Name}
		}
	}
	p := &Plan{Plan: model.Plan{Target: opts.Target, About: f.About}, File: f, Options: opts}
	accounts := map[string]string{} // block name -> the account the state has it made
	for _, t := range f.Tokens {
		key := f.Key(t.Name)
		step := Step{Token: t, Key: key, Account: accounts[t.accountRef.name]}
		rec, exists := linked[key]
		if first, _, found := rec.ConsumedBy(); exists && found && first.Kind == model.UseAccount {
			accounts[t.Name] = first.ObjectID // dropped below if the block is made again
		}
		unused := exists && t.Use != nil && len(rec.Uses) == 0
		changed := exists && rec.ScenarioDigest != "" && rec.ScenarioDigest != t.Digest
		reason := ""
		switch {
		case !exists:
		case changed:
			reason = "its block changed since it was applied"
		case opts.ReplaceAll || slices.Contains(opts.Replace, t.Name):
		case unused && rec.Used:
			reason = "it was used, but its use step never ran"
		case unused:
			step.UseOnly = rec.ID
		default:
			step.StepsFrom = stepsDone(t.Steps, rec.Steps)
			if step.StepsFrom == len(t.Steps) {
				p.Unchanged = append(p.Unchanged, t.Name)
				continue
			}
			made, _, found := rec.ConsumedBy()
			if t.Use != nil && !found {
				step.StepsFrom, reason = 0, "its use made nothing its steps can act on"
				break
			}
			step.StepsOnly, step.Made = rec.ID, &made
		}
		if step.StepsOnly != "" {
			step.Steps = planSteps(t, step.StepsFrom, step.Made.ObjectID)
			p.Changes = append(p.Changes, step.Steps...)
			p.Steps = append(p.Steps, step)
			continue
		}
		if step.UseOnly == "" {
			delete(accounts, t.Name)
			step.Create = model.PlanCreate(t.Name, t.Request)
			if exists {
				step.Create.Action, step.Create.Reason = model.ActionReplace, reason
				step.Replaces = rec.ID
				if changed && rec.Preset != t.Request.Preset {
					step.Create.Attrs = append([]model.Attr{{Name: "preset", Old: orNull(rec.Preset),
						Value: orNull(t.Request.Preset), Note: "forces replacement"}}, step.Create.Attrs...)
				}
			}
			p.Changes = append(p.Changes, step.Create)
		}
		if t.Use != nil {
			use := planUse(t, step.UseOnly, step.Account)
			step.Use = &use
			p.Changes = append(p.Changes, use)
		}
		step.Steps = planSteps(t, 0, "")
		p.Changes = append(p.Changes, step.Steps...)
		p.Steps = append(p.Steps, step)
	}
	return p, nil
}

// orNull quotes a preset name, or is Terraform's null for none.
func orNull(preset string) string {
	if preset == "" {
		return "null"
	}
	return strconv.Quote(preset)
}

// planUse describes t's use step on the token id, or, when id is "", on
// the token the same apply creates, whose id is known only after apply;
// the note says what the catalog expects of a test card. An id_number
// use names its account, known (account) or made by the same apply.
func planUse(t Token, id, account string) model.Change {
	note := ""
	if t.Request.Card != nil {
		if card, ok := model.CardByNumber(t.Request.Card.Number); ok {
			note = model.UseExpect(*t.Use, card)
			if t.Use.Kind == model.UsePaymentIntent && failsChallenge(t.Steps) {
				note = model.PaymentIntentExpectFailing(card, t.Use.CaptureMethod == "manual")
			}
		}
	}
	req := *t.Use
	req.TokenID, req.Account = id, account
	if ref := t.accountRef.name; ref != "" && account == "" {
		req.Account = "{account}"
	}
	c := model.PlanUse(t.Name, req, note)
	if ref := t.accountRef.name; ref != "" {
		acct := model.Attr{Name: "account", Value: model.KnownAfterApply, Note: "made by token." + ref}
		if account != "" {
			acct.Value, acct.Note = strconv.Quote(account), "made by token."+ref
		}
		c.Attrs = append([]model.Attr{acct}, c.Attrs...)
	}
	for i := range c.Attrs {
		if (c.Attrs[i].Name == "source" || c.Attrs[i].Name == "card.token") && id == "" {
			c.Attrs[i].Value = model.KnownAfterApply
		}
	}
	if a, ok := expectEventsAttr(t); ok {
		c.Attrs = append(c.Attrs, a)
	}
	return c
}

// failsChallenge: the steps fail the 3D Secure challenge (authenticate
// { fail = true }), so the payment is not expected to go through.
func failsChallenge(steps []model.StepRequest) bool {
	return slices.ContainsFunc(steps, func(s model.StepRequest) bool { return s.Kind == model.StepAuthenticate && s.Fail })
}

// planSteps describes t's steps from the first not done on, acting on of
// ("" when the same apply makes it). A step whose kind the token has
// several of is numbered, as Terraform numbers a resource's instances.
func planSteps(t Token, from int, of string) []model.Change {
	count := map[model.UseKind]int{}
	for _, s := range t.Steps {
		count[s.Kind]++
	}
	seen := map[model.UseKind]int{}
	var out []model.Change
	for i, s := range t.Steps {
		n := seen[s.Kind]
		seen[s.Kind]++
		if i < from {
			continue
		}
		if count[s.Kind] == 1 {
			n = -1
		}
		s.Of = of
		out = append(out, model.PlanStep(t.Name, n, *t.Use, s))
	}
	return out
}
