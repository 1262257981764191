package scenario

import (
	"context"
	"fmt"
	"path"
	"slices"
	"strconv"
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

// CheckExpectEvents checks every expect_events of the file with check
// (the session's CheckEventTypes: offline, against the types the emulator
// makes, with a did-you-mean), before anything is sent: a misspelt type
// would otherwise cost a token, made and used, before apply failed it.
func (f *File) CheckExpectEvents(check func(types []string) error) hcl.Diagnostics {
	var diags hcl.Diagnostics
	for _, t := range f.Tokens {
		for _, typ := range t.ExpectEvents {
			if err := check([]string{typ}); err != nil {
				diags = append(diags, &hcl.Diagnostic{Severity: hcl.DiagError, Summary: "Unknown event type in expect_events",
					Detail: "token." + t.Name + ": " + err.Error(), Subject: t.expectRange.Ptr()})
			}
		}
	}
	return diags
}

// expectEventsAttr shows t's expect_events on its use in a plan.
func expectEventsAttr(t Token) (model.Attr, bool) {
	if len(t.ExpectEvents) == 0 {
		return model.Attr{}, false
	}
	quoted := make([]string, len(t.ExpectEvents))
	for i, typ := range t.ExpectEvents {
		quoted[i] = strconv.Quote(typ)
	}
	note := "checked once the use"
	if len(t.Steps) > 0 {
		note += " and its steps"
	}
	return model.Attr{Name: "expect_events", Value: "[" + strings.Join(quoted, ", ") + "]", Note: note + " ran"}, true
}

// hintExpectEventsPlace adds to HCL's refusal of expect_events written in
// a token block, outside its use block, where it belongs.
func hintExpectEventsPlace(diags hcl.Diagnostics) {
	for _, d := range diags {
		if d.Summary == "Unsupported argument" && strings.Contains(d.Detail, `"expect_events"`) {
			d.Detail += ` expect_events belongs inside the use block whose events it names: use "charge" { amount = 1000  expect_events = ["charge.succeeded"] }.`
		}
	}
}
