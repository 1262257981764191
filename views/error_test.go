package views

import (
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"strings"
	"syscall"
	"testing"

	"github.com/tokenscope/tokenscope/model"
)

// An error shows the same fields in the same order wherever it is shown,
// the charge and the explanation included, cleaned of control characters.
func TestErrorFields(t *testing.T) {
	e := &model.Error{Type: model.TypeCardError, Code: "card_declined", DeclineCode: "insufficient_funds",
		Message: "Your card has\x1b[2J insufficient funds.", Charge: "ch_1", RequestID: "req_1", HTTPStatus: 402, Why: "why", Next: "next"}
	v := NewError(fmt.Errorf("use tok_1: %w", e))
	var got []string
	for _, f := range v.Fields() {
		got = append(got, f.Label+"="+f.Value)
	}
	want := "type=card_error code=card_declined decline_code=insufficient_funds message=Your card has[2J insufficient funds. charge=ch_1 request id=req_1 why=why next=next"
	if strings.Join(got, " ") != want {
		t.Errorf("fields:\n%s\nwant\n%s", strings.Join(got, " "), want)
	}
	if v.Title() != "card_declined  (HTTP 402)" || !strings.HasPrefix(v.Headline(), "use tok_1: ") {
		t.Errorf("title %q, headline %q", v.Title(), v.Headline())
	}
	var b strings.Builder
	if err := v.WriteJSON(&b); err != nil {
		t.Fatal(err)
	}
	var j ErrorJSON
	if err := json.Unmarshal([]byte(b.String()), &j); err != nil || j.Error.Charge != "ch_1" || j.Error.DeclineCode != "insufficient_funds" {
		t.Errorf("JSON: %s (%v)", b.String(), err)
	}
}

// A local check is explained and says nothing was sent; a plain error is
// one of tokenscope's own: its type, a code and its message.
func TestErrorLocalAndPlain(t *testing.T) {
	v := NewError(&model.FieldError{Type: model.TypeInvalidRequest, Code: "incorrect_number", Param: "number", Message: "bad"})
	if !strings.Contains(v.Title(), "local check") || v.Headline() != "bad" || v.Stripe.Why == "" {
		t.Errorf("local: title %q headline %q why %q", v.Title(), v.Headline(), v.Stripe.Why)
	}
	p := NewError(errors.New("state locked\nby pid 1"))
	want := []Field{{Path: "type", Label: "type", Value: model.TypeTokenscope}, {Path: "code", Label: "code", Value: model.CodeInternal},
		{Path: "message", Label: "message", Value: "state locked by pid 1"}}
	if p.Title() != model.CodeInternal || p.Headline() != "state locked\nby pid 1" || fmt.Sprint(p.Fields()) != fmt.Sprint(want) {
		t.Errorf("plain: %q %q %+v", p.Title(), p.Headline(), p.Fields())
	}
}

// Every error of tokenscope's own carries a code, the same in the fields
// the CLI and the TUI show and in the JSON: its own (with the code's
// explanation), os_error for a file that failed, internal_error for the
// rest.
func TestOwnErrorCodes(t *testing.T) {
	for _, c := range []struct {
		err       error
		code, why string
	}{
		{model.Fault(model.CodeStateCorrupt, errors.New("cannot read state")), model.CodeStateCorrupt, ""},
		{fmt.Errorf("write lock info: %w", &fs.PathError{Op: "write", Path: "/s/x", Err: syscall.ENOSPC}), model.CodeDiskFull, ""},
		{model.Fault(model.CodeStateUnwritable, fmt.Errorf("cannot write to the state dir /s (%v)", syscall.EROFS)), model.CodeStateUnwritable, ""},
		{&fs.PathError{Op: "open", Path: "/s/y", Err: syscall.EIO}, model.CodeOSError, ""},
		{errors.New("odd"), model.CodeInternal, ""},
		{model.Fault(model.CodeStateLocked, errors.New("held")), model.CodeStateLocked, "another tokenscope held the lock"},
		{model.NoDispute("ch_1"), model.CodeNoDispute, "only the dispute test cards"},
	} {
		v := NewError(c.err)
		got := map[string]string{}
		for _, f := range v.Fields() {
			got[f.Label] = f.Value
		}
		if got["type"] != model.TypeTokenscope || got["code"] != c.code || !strings.HasPrefix(got["why"], c.why) || !strings.HasPrefix(v.Title(), c.code) {
			t.Errorf("%v: title %q fields %+v", c.err, v.Title(), got)
		}
		var b strings.Builder
		if err := v.WriteJSON(&b); err != nil {
			t.Fatal(err)
		}
		var j ErrorJSON
		if err := json.Unmarshal([]byte(b.String()), &j); err != nil || j.Error.Type != model.TypeTokenscope || j.Error.Code != c.code {
			t.Errorf("%v: JSON %s (%v)", c.err, b.String(), err)
		}
	}
}

// What a use did to the token is said the same way in the CLI and the
// TUI, its status a segment of its own kind.
func TestOutcomeTokenLine(t *testing.T) {
	used := Outcome{Req: model.UseRequest{TokenID: "tok_1", Kind: model.UseCharge}, After: model.Record{ID: "tok_1", Used: true},
		Err: &model.Error{Type: model.TypeCardError, Code: "card_declined", DeclineCode: "insufficient_funds", Charge: "ch_1"}}
	segs := used.TokenLine()
	if Text(segs) != "tok_1 is now ● used: a new token is needed to try again." || segs[1].Kind != Used {
		t.Errorf("token line %q %+v", Text(segs), segs)
	}
	var b strings.Builder
	if err := used.WriteText(&b); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(b.String(), "token  "+Text(segs)) || used.IDs() != "ch_1" || used.Headline() != "charge declined" {
		t.Errorf("CLI:\n%s\nids %q headline %q", b.String(), used.IDs(), used.Headline())
	}
}

// The CLI's next step names its flag; the TUI's says what to do there.
func TestErrorNextStepFitsWhereItIsShown(t *testing.T) {
	fe := model.ValidateNumber("4111111111111111", false)
	next := func(e Error) string {
		for _, f := range e.Fields() {
			if f.Label == "next" {
				return f.Value
			}
		}
		return ""
	}
	cli, tui := next(NewError(fe)), next(NewError(fe).InTUI())
	if !strings.Contains(cli, "--allow-any-number") || strings.Contains(tui, "--") || !strings.Contains(tui, "Preset list") {
		t.Errorf("next: CLI %q, TUI %q", cli, tui)
	}
	if h := NewError(fe).Headline(); strings.Contains(h, "--") {
		t.Errorf("the message itself names a flag, so the TUI shows it too: %q", h)
	}
}
