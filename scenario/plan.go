package scenario

import (
	"fmt"
	"slices"

	"github.com/tokenscope/tokenscope/model"
	"github.com/tokenscope/tokenscope/model/state"
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
}

// Step creates one token and, when the file says so, uses it.
type Step struct {
	Token Token
	// Key is the state's name for the token (File.Key).
	Key    string
	Create model.Change
	// Use is nil when the token has no use step.
	Use *model.Change
	// Replaces is the id of the token a replacement takes the place of.
	Replaces string
}

// Changes is how many of the plan's changes the step makes.
func (s Step) Changes() int {
	if s.Use != nil {
		return 2
	}
	return 1
}

// MakePlan compares the file with the workspace: a token whose key
// (File.Key) the workspace's Scenarios map links to a token is left alone, unless it is
// to be replaced; every other token is created and then used.
func MakePlan(f *File, ws *state.Workspace, opts PlanOptions) (*Plan, error) {
	for _, name := range opts.Replace {
		if _, ok := f.Token(name); !ok {
			return nil, fmt.Errorf("--replace %s: %s has no token named %q", name, f.Name, name)
		}
	}
	p := &Plan{Plan: model.Plan{Target: opts.Target}}
	for _, t := range f.Tokens {
		key := f.Key(t.Name)
		id, exists := ws.Scenarios[key]
		replace := opts.ReplaceAll || slices.Contains(opts.Replace, t.Name)
		if exists && !replace {
			p.Unchanged = append(p.Unchanged, t.Name)
			continue
		}
		step := Step{Token: t, Key: key, Create: model.PlanCreate(t.Name, t.Request)}
		if exists {
			step.Create.Action = model.ActionReplace
			step.Replaces = id
		}
		p.Changes = append(p.Changes, step.Create)
		if t.Use != nil {
			use := planUse(t)
			step.Use = &use
			p.Changes = append(p.Changes, use)
		}
		p.Steps = append(p.Steps, step)
	}
	return p, nil
}

// planUse describes t's use step. Its source is the token the same apply
// creates, so its id is known only after apply; the note says what the
// catalog expects of a test card.
func planUse(t Token) model.Change {
	note := ""
	if t.Request.Card != nil {
		if card, ok := model.CardByNumber(t.Request.Card.Number); ok {
			note = model.UseExpect(t.Use.Kind, card)
		}
	}
	c := model.PlanUse(t.Name, *t.Use, note)
	for i := range c.Attrs {
		if c.Attrs[i].Name == "source" {
			c.Attrs[i].Value = model.KnownAfterApply
		}
	}
	return c
}
