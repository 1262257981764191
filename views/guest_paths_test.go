package views

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"strings"
	"syscall"
	"testing"

	"github.com/tokenscope/tokenscope/model"
)

// guestReads is all a guest reads of err: the headline and the fields.
func guestReads(err error) string {
	v := NewError(err).InTUI().ForGuest()
	out := []string{v.Title(), v.Headline()}
	for _, f := range v.Fields() {
		out = append(out, f.Label+"="+f.Value)
	}
	return strings.Join(out, "\n")
}

// No server path reaches a guest: an OS error the server met (its files,
// a system call) says what it did and why it failed, and whom to ask; a
// text the server made (no Stripe shape, the emulator's api_error) loses
// its paths; the emulator's fault of its files keeps Stripe's type, code
// and request id but not the steps only the server's user can take.
// Stripe's own answers, and everything the local user reads, are whole.
func TestGuestReadsNoServerPath(t *testing.T) {
	denied := fmt.Errorf("reading the state: %w", &fs.PathError{Op: "open", Path: "/srv/ts/state.json", Err: syscall.EACCES})
	for _, c := range []struct {
		name      string
		err       error
		path      string
		want, not []string
	}{
		{"open denied", denied, "/srv/ts/state.json",
			[]string{"reading the state: open (a path on the server): permission denied; ask whoever runs tokenscope serve"}, nil},
		{"relative path", &fs.PathError{Op: "mkdir", Path: "state/reports", Err: syscall.EROFS}, "state/reports",
			[]string{"mkdir", "read-only file system", "ask whoever runs"}, nil},
		{"rename", &os.LinkError{Op: "rename", Old: "/srv/ts/.tmp1", New: "/srv/ts/state.json", Err: syscall.EXDEV}, "/srv/ts",
			[]string{"rename", "ask whoever runs"}, nil},
		{"unclassified text", fmt.Errorf("cannot list /home/op/scenarios/x.hcl: %w", errors.New("gone")), "/home/op",
			[]string{"cannot list (a path on the server): gone"}, nil},
		{"emulator's corrupt file", &model.Error{Type: model.TypeAPIError, Code: model.CodeEmulatorCorrupt, HTTPStatus: 500, RequestID: "req_1",
			Message: "/srv/ts/emulator/log.0: record 7 is damaged", Why: "a file the offline emulator keeps in the state dir is damaged (the message names it)",
			Next: "move that file away"}, "/srv/ts",
			[]string{"type=api_error", "code=emulator_corrupt", "request id=req_1", "could not read or write its files"}, []string{"move that file", "why="}},
		{"emulator's unclassified fault", &model.Error{Type: model.TypeAPIError, HTTPStatus: 500, RequestID: "req_2",
			Message: "emulator: write /srv/ts/emulator/log.1: input/output error"}, "/srv/ts",
			[]string{"type=api_error", "request id=req_2", "emulator: write (a path on the server): input/output error"}, nil},
	} {
		t.Run(c.name, func(t *testing.T) {
			got := guestReads(c.err)
			if strings.Contains(got, c.path) {
				t.Errorf("a guest reads the server path %s:\n%s", c.path, got)
			}
			for _, w := range c.want {
				if !strings.Contains(got, w) {
					t.Errorf("a guest does not read %q:\n%s", w, got)
				}
			}
			for _, n := range c.not {
				if strings.Contains(got, n) {
					t.Errorf("a guest reads %q:\n%s", n, got)
				}
			}
			if local := NewError(c.err).Headline() + fmt.Sprint(NewError(c.err).Fields()); !strings.Contains(local, c.path) {
				t.Errorf("the local user does not read the path %s: %s", c.path, local)
			}
		})
	}
	// Stripe's answers are the guest's as they are: codes, params, and
	// the paths Stripe names.
	stripe := &model.Error{Type: model.TypeInvalidRequest, Code: "parameter_unknown", Param: "card[numbr]",
		Message: "Unrecognized request URL (POST: /v1/tokenz).", HTTPStatus: 404}
	if got := guestReads(stripe); !strings.Contains(got, "(POST: /v1/tokenz)") || !strings.Contains(got, "param=card[numbr]") {
		t.Errorf("Stripe's answer for a guest:\n%s", got)
	}
}
