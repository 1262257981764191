package views

import (
	"strings"
	"testing"

	"github.com/tokenscope/tokenscope/model"
)

// A guest of tokenscope serve can run no command and pass no flag: the
// next steps it is shown are the TUI's keys or whom to ask, and an object
// its emulator lacks is said to be another SSH key's, not another state
// dir's (testui#13).
func TestGuestNextStepsAreTheirs(t *testing.T) {
	commandFree := func(t *testing.T, what string, fs []Field) {
		t.Helper()
		for _, f := range fs {
			if (f.Label == "next" || f.Label == "why") && (strings.Contains(f.Value, "tokenscope ") && !strings.Contains(f.Value, "tokenscope serve") || strings.Contains(f.Value, "--")) {
				t.Errorf("%s: %s %q", what, f.Label, f.Value)
			}
		}
	}
	missing := &model.Error{Type: model.TypeInvalidRequest, Code: "resource_missing", Param: "id", Message: "No such charge: 'ch_1'", HTTPStatus: 404,
		Why:  "the offline emulator has no such object: it was made on another backend (Stripe, stripe-mock) or with another state dir",
		Next: "make it again offline, or run with the backend and --state-dir that made it"}
	fs := NewError(missing).InTUI().ForGuest().Fields()
	commandFree(t, "another key's charge", fs)
	var why string
	for _, f := range fs {
		if f.Label == "why" {
			why = f.Value
		}
	}
	if !strings.Contains(why, "SSH key") {
		t.Errorf("why %q", why)
	}
	// The CLI's user keeps the CLI's steps.
	if fs := NewError(missing).Fields(); fs[len(fs)-1].Value != missing.Next {
		t.Errorf("local fields %+v", fs)
	}

	noParam := &model.Error{Type: model.TypeInvalidRequest, Message: "This PaymentIntent's amount could not be updated.", HTTPStatus: 400}
	noParam.Explain()
	commandFree(t, "a refusal naming no param", NewError(noParam).InTUI().ForGuest().Fields())
	noCode := &model.Error{Type: model.TypeAPIError, HTTPStatus: 500, Message: "boom"}
	noCode.Explain()
	commandFree(t, "a server fault", NewError(noCode).InTUI().ForGuest().Fields())

	// A PaymentIntent's use outcome: the keys of the pane, not a command.
	for _, status := range []string{model.PIRequiresAction, model.PIRequiresCapture} {
		o := Outcome{Req: model.UseRequest{Kind: model.UsePaymentIntent}, TUI: true, Guest: true,
			Use: model.Use{Kind: model.UsePaymentIntent, ObjectID: "pi_1", Status: status, Amount: 1000, Currency: "usd"}}
		commandFree(t, "outcome "+status, o.Fields())
	}
}
