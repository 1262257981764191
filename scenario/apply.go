package scenario

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/tokenscope/tokenscope/model"
)

// EventKind says what happened to one change during an apply.
type EventKind int

// The events of an apply, in Terraform's words.
const (
	// Started: the change's request is being sent ("Creating...").
	Started EventKind = iota
	// Completed: the change is done; ID is the new object's id.
	Completed
	// Declined: a use step ended with the decline the catalog expects of
	// its test card (Expectation.Matches). An outcome, not a failure.
	Declined
	// Errored: the change failed (Err); a token's use is then skipped.
	Errored
)

// Event is one step of an apply's progress, for the CLI's lines, the JSON
// stream and the TUI's progress bar.
type Event struct {
	Kind    EventKind
	Change  model.Change
	ID      string // token, customer or charge id (the failed charge on a decline)
	Codes   string // Declined: "card_declined / insufficient_funds"
	Err     error  // Errored
	Elapsed time.Duration
	// Done counts the plan's changes finished so far, of Total.
	Done, Total int
}

// String is the event as Terraform prints it: "token.visa: Creating...",
// "token.visa: Creation complete after 0s [id=tok_…]"; a decline with no
// object (a customer Stripe refused) shows its codes in place of the id.
func (e Event) String() string {
	addr, secs := e.Change.Address, int(e.Elapsed.Seconds())
	switch e.Kind {
	case Completed:
		return fmt.Sprintf("%s: Creation complete after %ds [id=%s]", addr, secs, e.ID)
	case Declined:
		if e.ID == "" { // a refused customer is not made: the codes say what happened
			return fmt.Sprintf("%s: Declined as expected after %ds [code=%s]", addr, secs, e.Codes)
		}
		return fmt.Sprintf("%s: Declined as expected after %ds [id=%s]: %s", addr, secs, e.ID, e.Codes)
	case Errored:
		return fmt.Sprintf("%s: Creation errored after %ds", addr, secs)
	}
	return addr + ": Creating..."
}

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
}

// Apply carries out the plan's steps one after the other through r, which
// records each token (linked to its key, File.Key) and each use in the
// state as it goes. A failed step does not stop the others:
// what succeeded stays in the state and the failure is in the Result. A
// token whose use failed is unlinked from its name, so the next apply makes
// it again. events may be nil.
func Apply(ctx context.Context, r Recorder, p *Plan, events func(Event)) *Result {
	if events == nil {
		events = func(Event) {}
	}
	a := &applier{r: r, events: events, total: len(p.Changes)}
	res := &Result{}
	for _, step := range p.Steps {
		if err := ctx.Err(); err != nil {
			res.Rows = append(res.Rows, Row{Name: step.Token.Name, Err: err})
			continue
		}
		res.Rows = append(res.Rows, a.step(ctx, step))
	}
	return res
}

// applier runs steps and numbers their events.
type applier struct {
	r           Recorder
	events      func(Event)
	done, total int
}

func (a *applier) emit(e Event) {
	if e.Kind != Started {
		a.done++
	}
	e.Done, e.Total = a.done, a.total
	a.events(e)
}

// step creates one token (unless the step is UseOnly) and runs its use
// step.
func (a *applier) step(ctx context.Context, step Step) Row {
	t := step.Token
	row := Row{Name: t.Name, TokenID: step.UseOnly}
	if row.TokenID == "" && !a.create(ctx, step, &row) {
		return row
	}
	if step.Use != nil {
		a.use(ctx, step, &row)
	}
	return row
}

// create makes the step's token, linked to its key; false when it failed.
func (a *applier) create(ctx context.Context, step Step, row *Row) bool {
	a.emit(Event{Kind: Started, Change: step.Create})
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
		a.emit(Event{Kind: Errored, Change: step.Create, Err: err, Elapsed: time.Since(start)})
		return false
	}
	row.applied = append(row.applied, step.Create)
	a.emit(Event{Kind: Completed, Change: step.Create, ID: rec.ID, Elapsed: time.Since(start)})
	return true
}

// use runs the step's use on row.TokenID.
func (a *applier) use(ctx context.Context, step Step, row *Row) {
	t := step.Token
	req := *t.Use
	req.TokenID = row.TokenID
	row.Use = req.Kind
	a.emit(Event{Kind: Started, Change: *step.Use})
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
		row.applied = append(row.applied, *step.Use)
		a.emit(Event{Kind: Completed, Change: *step.Use, ID: use.ObjectID, Elapsed: time.Since(start)})
	case expected && want.Matches(err):
		row.Status, row.Codes = StatusExpectedDecline, want.String()
		if row.ObjectID != "" { // Stripe keeps a failed charge; a refused customer is not made
			row.applied = append(row.applied, *step.Use)
		}
		a.emit(Event{Kind: Declined, Change: *step.Use, ID: row.ObjectID, Codes: row.Codes, Elapsed: time.Since(start)})
	default:
		row.Err = err
		if uerr := a.r.Unlink(ctx, step.Key); uerr != nil {
			row.Err = errors.Join(err, uerr)
		}
		a.emit(Event{Kind: Errored, Change: *step.Use, Err: err, Elapsed: time.Since(start)})
	}
}
