package views

import (
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/tokenscope/tokenscope/model"
)

// held is a lock error as model/state's LockError is seen from views.
type held struct{ h model.LockHolder }

func (e held) Error() string                { return "Error acquiring the state lock\nPath: /srv/state.json" }
func (e held) LockHolder() model.LockHolder { return e.h }

// A guest is told what holds the state and since when: the verb of the
// operation only (an apply names a file on the server), never who, the
// pid or the path; a lock with no info is "another session".
func TestLockErrorForGuest(t *testing.T) {
	since := time.Date(2026, 12, 5, 12, 3, 4, 0, time.UTC)
	for _, c := range []struct {
		h    model.LockHolder
		want string
	}{
		{model.LockHolder{Who: "op@jump", PID: 7, Operation: "apply /srv/plans/x.hcl", Since: since}, "the state is being written by another session (apply, since 12:03:04 UTC); try again in a moment, or ask whoever runs tokenscope serve"},
		{model.LockHolder{}, "the state is being written by another session; try again in a moment, or ask whoever runs tokenscope serve"},
	} {
		err := error(held{c.h})
		if got := NewError(err).ForGuest().Fields(); len(got) != 3 || got[1].Value != model.CodeInternal || got[2].Value != c.want {
			t.Errorf("%+v: fields %+v", c.h, got)
		}
		if got := NewError(err).ForGuest().Headline(); got != c.want {
			t.Errorf("%+v: headline %q", c.h, got)
		}
		if got := NewError(err).Headline(); got == c.want {
			t.Errorf("the local headline is the guest's: %q", got)
		}
	}
	corrupt := model.Fault(model.CodeStateCorrupt, errors.New("/srv/tokenscope/state.json: unexpected end of JSON"))
	if got := NewError(corrupt).ForGuest().Headline(); strings.Contains(got, "/srv") || !strings.Contains(got, "ask whoever runs tokenscope serve") {
		t.Errorf("a corrupt state for a guest: %q", got)
	}
	if got := NewError(corrupt).Headline(); !strings.Contains(got, "/srv/tokenscope/state.json") {
		t.Errorf("a corrupt state for the local user: %q", got)
	}
	if got := NewError(errors.New("other")).ForGuest().Headline(); got != "other" {
		t.Errorf("another error for a guest: %q", got)
	}
	if got := LockHolder(model.LockHolder{Who: "op@jump", PID: 7, Operation: "create", Since: since}); got != "op@jump (pid 7, create since 12:03:04 UTC)" {
		t.Errorf("local holder %q", got)
	}
}

// What a killed tokenscope left pending: a guest is pointed at the keys
// that send it again, and at the server's user for one that cannot be,
// never at commands to run on the server.
func TestPendingNoteForGuest(t *testing.T) {
	ps := []model.Pending{{Key: "k1", Summary: "create card visa •••• 4242"}, {Key: "k2", Summary: "use tok_1", Unresolved: "its answer was lost"}}
	local, guest := PendingNote(ps), PendingNoteForGuest(ps)
	if !strings.Contains(local, "tokenscope refresh") || !strings.Contains(local, "tokenscope state rm KEY") {
		t.Errorf("local note: %q", local)
	}
	if strings.Contains(guest, "tokenscope refresh") || strings.Contains(guest, "state rm") || !strings.Contains(guest, "(n, u or R)") || !strings.Contains(guest, "ask whoever runs tokenscope serve") {
		t.Errorf("guest note: %q", guest)
	}
}

// A use that found the state lock held shows a guest what holds it, as
// the create flow does, never the lock's path or pid; and the test card's
// own explanation is not given as why (nothing was sent to be declined).
func TestUseOutcomeOfAHeldLock(t *testing.T) {
	since := time.Date(2026, 12, 5, 12, 3, 4, 0, time.UTC)
	rec := model.Record{ID: "tok_1", Type: model.KindCard, Preset: "visa"}
	o := Outcome{Req: model.UseRequest{TokenID: "tok_1", Kind: model.UseCharge}, Before: rec, TUI: true, Guest: true,
		Err: held{model.LockHolder{Who: "op@jump", PID: 7, Operation: "create", Since: since}}}
	var text []string
	for _, f := range o.Fields() {
		text = append(text, f.Label+"="+f.Value)
	}
	got := strings.Join(text, "\n")
	if !strings.Contains(got, "another session (create, since 12:03:04 UTC)") || strings.Contains(got, "/srv") || strings.Contains(got, "why=") {
		t.Errorf("a guest's outcome of a held lock:\n%s", got)
	}
	o.Guest = false
	if got := o.Fields(); len(got) == 0 || strings.Contains(got[len(got)-1].Label, "why") {
		t.Errorf("the local outcome of a held lock gives a why: %+v", got)
	}
}
