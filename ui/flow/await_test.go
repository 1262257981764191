package flow

import (
	"errors"
	"testing"

	"github.com/charmbracelet/bubbles/spinner"
	"github.com/tokenscope/tokenscope/model"
)

// awaitReply takes this flow's reply, turns the spinner on its ticks, and
// drops the reply of a flow closed since.
func TestAwaitReply(t *testing.T) {
	spin := spinner.New(spinner.WithSpinner(spinner.Dot))
	before := spin.View()
	if _, ok, cmd := awaitReply(spin.Tick(), 7, &spin); ok || cmd == nil || spin.View() == before {
		t.Errorf("a tick: ok %v, next tick %v, frame %q -> %q", ok, cmd != nil, before, spin.View())
	}
	if _, ok, cmd := awaitReply(reply{flow: 6, rec: model.Record{ID: "tok_old"}}, 7, &spin); ok || cmd != nil {
		t.Errorf("another flow's reply was taken")
	}
	want := errors.New("declined")
	if r, ok, _ := awaitReply(reply{flow: 7, rec: model.Record{ID: "tok_new"}, err: want}, 7, &spin); !ok || r.rec.ID != "tok_new" || r.err != want {
		t.Errorf("this flow's reply: %+v %v", r, ok)
	}
}
