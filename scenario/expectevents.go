package scenario

import (
	"context"
	"fmt"
	"path"
	"slices"
	"strings"

	"github.com/hashicorp/hcl/v2"

	"github.com/tokenscope/tokenscope/model"
)

// A use step may name the events it should lead to:
//
//	use "payment_intent" { amount = 2000  expect_events = ["charge.succeeded"] }
//
// After the step, apply reads the events of the token and all it became
// and fails the step for each expected type (or pattern: charge.*) that
// did not occur: a scenario then checks the webhooks a flow relies on, not
// only the objects' statuses.

// maxExpectEvents bounds expect_events, as the API bounds types[].
const maxExpectEvents = 20

// EventReader is a Recorder that can tell the types of the events a token
// and what it became led to; apply checks expect_events only with one.
type EventReader interface {
	EventTypesOf(ctx context.Context, id string) ([]string, error)
}

// decodeExpectEvents checks a use block's expect_events: event type names
// or patterns, a few.
func decodeExpectEvents(u *useBlock) ([]string, hcl.Diagnostics) {
	if u.ExpectEvents == nil {
		return nil, nil
	}
	types := *u.ExpectEvents
	bad := func(detail string) hcl.Diagnostics {
		return hcl.Diagnostics{{Severity: hcl.DiagError, Summary: "Invalid expect_events", Detail: detail, Subject: u.ExpectEventsRange.Ptr()}}
	}
	if len(types) == 0 || len(types) > maxExpectEvents {
		return nil, bad(fmt.Sprintf("expect_events names 1 to %d event types, such as [\"charge.succeeded\"].", maxExpectEvents))
	}
	for _, t := range types {
		if !validEventType(t) {
			return nil, bad(fmt.Sprintf("%q is not an event type: they read like charge.succeeded, or charge.* for every charge event.", t))
		}
	}
	return types, nil
}

// validEventType: dotted lower-case words, * standing for any part.
func validEventType(t string) bool {
	if t == "" || len(t) > 100 || strings.Trim(t, "abcdefghijklmnopqrstuvwxyz_.*") != "" {
		return false
	}
	_, err := path.Match(t, "")
	return err == nil && !strings.HasPrefix(t, ".") && !strings.HasSuffix(t, ".")
}

// checkEvents fails row for each of t's expected events that the token's
// events do not hold.
func (a *applier) checkEvents(ctx context.Context, t Token, row *model.ApplyRow) {
	er, ok := a.r.(EventReader)
	if len(t.ExpectEvents) == 0 || !ok {
		return
	}
	got, err := er.EventTypesOf(ctx, row.TokenID)
	if err != nil {
		row.Err = err
		return
	}
	var missing []string
	for _, want := range t.ExpectEvents {
		if !slices.ContainsFunc(got, func(typ string) bool { ok, _ := path.Match(want, typ); return ok }) {
			missing = append(missing, want)
		}
	}
	if len(missing) > 0 {
		// Not a local refusal: everything was sent, and the next apply
		// finds the token done (the explanation says what to do).
		e := &model.Error{Type: model.TypeInvalidRequest, Code: model.CodeExpectedEventsMissing, Param: "expect_events",
			Message: "expected events did not occur: " + strings.Join(missing, ", ") + " (got " + orNone(got) + ")"}
		e.Explain()
		row.Err = e
	}
}

func orNone(types []string) string {
	if len(types) == 0 {
		return "none"
	}
	return strings.Join(types, ", ")
}
