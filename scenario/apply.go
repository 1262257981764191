package scenario

import (
	"cmp"
	"context"
	"errors"
	"time"

	"github.com/tokenscope/tokenscope/model"
)

// Recorder sends an apply's requests and records each answer in the state
// as it goes (the service's session).
type Recorder interface {
	// Create makes a token and records it, linked to key (File.Key).
	Create(ctx context.Context, req model.TokenRequest, key string) (model.Record, error)
	// Use uses a token and records the Use on it.
	Use(ctx context.Context, req model.UseRequest) (model.Use, model.Record, error)
	// SetDigest notes a block's digest (Token.Digest) on the token made
	// for it.
	SetDigest(ctx context.Context, id, digest string) error
	// Unlink forgets which token key made, so the next apply makes it
	// again.
	Unlink(ctx context.Context, key string) error
	// Step runs a step on what the token's use made (req.Of) and records
	// it among the token's steps.
	Step(ctx context.Context, tokenID string, req model.StepRequest) (model.Use, error)
}

// Apply carries out the plan's steps one after the other through r, which
// records each token (linked to its key, File.Key) and each use in the
// state as it goes. A failed step does not stop the others:
// what succeeded stays in the state and the failure is in the result. A
// token whose use failed is unlinked from its name, so the next apply makes
// it again. events may be nil.
func Apply(ctx context.Context, r Recorder, p *Plan, events func(model.ApplyEvent)) *model.ApplyResult {
	if events == nil {
		events = func(model.ApplyEvent) {}
	}
	a := &applier{r: r, events: events, total: len(p.Changes), accounts: map[string]string{}}
	res := &model.ApplyResult{}
	for _, step := range p.Steps {
		if err := ctx.Err(); err != nil {
			res.Rows = append(res.Rows, model.ApplyRow{Name: step.Token.Name, Err: err})
			continue
		}
		res.Rows = append(res.Rows, a.step(ctx, step))
	}
	return res
}

// applier runs steps and numbers their events; accounts are the
// accounts the apply made, by block name, for the id_number uses after
// them (accountref.go).
type applier struct {
	r           Recorder
	events      func(model.ApplyEvent)
	done, total int
	accounts    map[string]string
}

func (a *applier) emit(e model.ApplyEvent) {
	if e.Kind != model.ApplyStarted {
		a.done++
	}
	e.Done, e.Total = a.done, a.total
	a.events(e)
}

// step creates one token (unless the step is UseOnly or StepsOnly), runs
// its use step, then the steps after it; then it checks the events the
// use expects, which the steps may have led to.
func (a *applier) step(ctx context.Context, step Step) model.ApplyRow {
	t := step.Token
	row := model.ApplyRow{Name: t.Name, TokenID: step.UseOnly}
	if step.StepsOnly != "" {
		made := *step.Made
		row.TokenID, row.Use, row.ObjectID, row.Status = step.StepsOnly, made.Kind, made.ObjectID, made.Status
		a.steps(ctx, step, made, &row)
		a.checkEvents(ctx, t, &row)
		return row
	}
	if row.TokenID == "" && !a.create(ctx, step, &row) {
		a.done += len(step.Steps) // they will not run: count them so progress reaches the end
		return row
	}
	if step.Use == nil {
		return row
	}
	made, ok := a.use(ctx, step, &row)
	if ok && made.Kind == model.UseAccount && made.ObjectID != "" {
		a.accounts[t.Name] = made.ObjectID
	}
	if !ok {
		a.done += len(step.Steps)
		return row
	}
	a.steps(ctx, step, made, &row)
	a.checkEvents(ctx, t, &row)
	return row
}

// steps runs the step's planned steps, in order, on what made made; a
// failed step stops the ones after it, which the next apply runs.
func (a *applier) steps(ctx context.Context, step Step, made model.Use, row *model.ApplyRow) {
	for i, change := range step.Steps {
		if row.Err != nil {
			a.done++
			continue
		}
		n := step.StepsFrom + i
		req := step.Token.Steps[n]
		req.Of, req.IdempotencyKey = made.ObjectID, stepKey(row.TokenID, n, req)
		a.emit(model.ApplyEvent{Kind: model.ApplyStarted, Change: change})
		start := time.Now()
		done, err := a.r.Step(ctx, row.TokenID, req)
		if err != nil {
			row.Err, row.FailedAt = err, change.Address
			a.emit(model.ApplyEvent{Kind: model.ApplyErrored, Change: change, Err: err, Elapsed: time.Since(start)})
			continue
		}
		row.Status = model.StepOutcome(done)
		row.Applied = append(row.Applied, change)
		a.emit(model.ApplyEvent{Kind: model.ApplyCompleted, Change: change, ID: done.ObjectID, Elapsed: time.Since(start)})
	}
}

// create makes the step's token, linked to its key; false when it failed.
func (a *applier) create(ctx context.Context, step Step, row *model.ApplyRow) bool {
	a.emit(model.ApplyEvent{Kind: model.ApplyStarted, Change: step.Create})
	start := time.Now()
	rec, err := a.r.Create(ctx, step.Token.Request, step.Key)
	if err == nil {
		row.TokenID = rec.ID
		err = recordDigest(ctx, a.r, rec.ID, step.Token.Digest)
	}
	if err != nil {
		row.Err = err
		if step.Use != nil {
			a.done++ // the use will not run: count it so progress reaches the end
		}
		a.emit(model.ApplyEvent{Kind: model.ApplyErrored, Change: step.Create, Err: err, Elapsed: time.Since(start)})
		return false
	}
	row.Applied = append(row.Applied, step.Create)
	a.emit(model.ApplyEvent{Kind: model.ApplyCompleted, Change: step.Create, ID: rec.ID, Elapsed: time.Since(start)})
	return true
}

// use runs the step's use on row.TokenID: ok when it succeeded or
// declined as expected, with what it made.
func (a *applier) use(ctx context.Context, step Step, row *model.ApplyRow) (made model.Use, ok bool) {
	t := step.Token
	req := *t.Use
	req.TokenID = row.TokenID
	if ref := t.accountRef.name; ref != "" {
		req.Account = cmp.Or(step.Account, a.accounts[ref])
	}
	row.Use = req.Kind
	a.emit(model.ApplyEvent{Kind: model.ApplyStarted, Change: *step.Use})
	start := time.Now()
	use, _, err := a.r.Use(ctx, req)
	row.ObjectID = use.ObjectID
	if ce, ok := model.AsError(err); ok && row.ObjectID == "" {
		row.ObjectID = ce.Charge // a decline's failed charge
	}
	want, expected := t.Expected()
	switch {
	case err == nil:
		row.Status = use.Status
		if expected {
			row.Unexpected = "expected " + want.String() + ", got " + use.Status
		}
		row.Applied = append(row.Applied, *step.Use)
		a.emit(model.ApplyEvent{Kind: model.ApplyCompleted, Change: *step.Use, ID: use.ObjectID, Elapsed: time.Since(start)})
	case expected && want.Matches(err):
		row.Status, row.Codes = model.StatusExpectedDecline, want.String()
		if row.ObjectID != "" { // Stripe keeps a failed charge; a refused customer is not made
			row.Applied = append(row.Applied, *step.Use)
		}
		a.emit(model.ApplyEvent{Kind: model.ApplyDeclined, Change: *step.Use, ID: row.ObjectID, Codes: row.Codes, Elapsed: time.Since(start)})
	default:
		row.Err = err
		if uerr := a.r.Unlink(ctx, step.Key); uerr != nil {
			row.Err = errors.Join(err, uerr)
		}
		a.emit(model.ApplyEvent{Kind: model.ApplyErrored, Change: *step.Use, Err: err, Elapsed: time.Since(start)})
		return use, false
	}
	return use, true
}
