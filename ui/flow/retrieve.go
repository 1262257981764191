package flow

import (
	"context"
	"fmt"
	"strings"

	"github.com/charmbracelet/bubbles/key"
	"github.com/charmbracelet/bubbles/spinner"
	"github.com/charmbracelet/bubbles/textinput"
	tea "github.com/charmbracelet/bubbletea"

	"github.com/tokenscope/tokenscope/model"
	"github.com/tokenscope/tokenscope/ui/common"
)

// backMsg returns from a flow opened inside another to the one that opened it.
type backMsg struct{}

// Retrieve reads a token by id (one made elsewhere, or a magic test token)
// and adds it to the state.
type Retrieve struct {
	scope
	pc     *common.ProgramContext
	input  textinput.Model
	spin   spinner.Model
	busy   bool
	err    error
	nested bool // opened from the chooser: esc goes back to it
	w, h   int
	sentID string
}

// NewRetrieve starts the flow at the id input.
func NewRetrieve(pc *common.ProgramContext) common.Component { return newRetrieve(pc, false) }

func newRetrieve(pc *common.ProgramContext, nested bool) *Retrieve {
	in := textinput.New()
	in.Prompt = "Token id  "
	in.CharLimit = model.MaxObjectIDLen
	// No placeholder: without colour (NO_COLOR) "tok_visa" in the field
	// read as a value typed. The example is on the hint line under it.
	in.PromptStyle = pc.Styles.PaneTitle
	in.Cursor.Style = pc.Styles.RowSelected
	in.Focus()
	return &Retrieve{scope: newScope(pc), pc: pc, input: in, spin: newSpinner(pc.Styles), nested: nested, w: pc.Width, h: pc.Height}
}

// Init implements tea.Model.
func (r *Retrieve) Init() tea.Cmd { return textinput.Blink }

// InFlight reports a request on its way. A read is harmless to abandon,
// but the state write that follows it is not.
func (r *Retrieve) InFlight() bool { return r.busy }

// Typing reports the id input waiting for keys.
func (r *Retrieve) Typing() bool { return !r.busy }

// SetSize implements common.Component.
func (r *Retrieve) SetSize(w, h int) {
	r.w, r.h = w, h
	r.input.Width = max(w-len(r.input.Prompt)-4, 10)
}

// checkTokenID is the local check of a pasted id (model.ValidateTokenID),
// with a hint for an empty input: the form asks for a paste.
func checkTokenID(id string) error {
	if id == "" {
		return &model.FieldError{Type: model.TypeInvalidRequest, Code: "parameter_missing", Param: model.ParamTokenID, Message: "paste a token id, such as tok_visa"}
	}
	return fieldErr(model.ValidateTokenID(id, model.ParamTokenID))
}

// Update implements tea.Model.
func (r *Retrieve) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	if r.busy {
		if keyIs(msg, r.pc.Keys.Cancel) {
			r.cancelRequest()
			return r, nil
		}
		got, ok, cmd := awaitReply(msg, r.id, &r.spin)
		switch {
		case !ok:
			return r, cmd
		case got.err != nil:
			r.busy, r.err = false, got.err
			return r, nil
		}
		r.busy = false
		rec := got.rec
		return r, r.finish(&rec, fmt.Sprintf("retrieved %s (%s)", rec.ID, rec.Summary), false)
	}
	if isQuit(msg) {
		return r, r.cancelled()
	}
	switch {
	case keyIs(msg, r.pc.Keys.Back) && r.nested:
		return r, func() tea.Msg { return backMsg{} }
	case keyIs(msg, r.pc.Keys.Back):
		return r, r.cancelled()
	case keyIs(msg, r.pc.Keys.Open):
		id := strings.Trim(strings.TrimSpace(r.input.Value()), `"'`)
		if IsObjectID(id) {
			// Not a token: its pane takes the flow's place (object.go).
			o := newObject(r.pc, id)
			o.SetSize(r.w, r.h)
			r.Close()
			return o, o.Init()
		}
		if r.err = checkTokenID(id); r.err != nil {
			return r, nil
		}
		r.busy, r.sentID = true, id
		s := r.pc.Session
		return r, tea.Batch(r.spin.Tick, r.request(func(ctx context.Context) reply {
			rec, err := s.Fetch(ctx, id)
			return reply{rec: rec, err: err}
		}))
	}
	if _, ok := msg.(tea.KeyMsg); ok {
		r.err = nil
	}
	var cmd tea.Cmd
	r.input, cmd = r.input.Update(msg)
	return r, cmd
}

// View implements tea.Model.
func (r *Retrieve) View() string {
	st := r.pc.Styles
	var b strings.Builder
	b.WriteString(st.Header.Render(" Retrieve a token") + "\n\n")
	if r.err != nil {
		b.WriteString(indent(common.RenderError(r.pc, r.err, r.w-1)) + "\n\n")
	}
	b.WriteString(" " + r.input.View() + "\n\n")
	if r.busy {
		b.WriteString(" " + r.inFlight(r.spin.View(), "Retrieving… GET /v1/tokens/"+r.sentID+"  →  "+r.pc.Backend.Label()))
	} else {
		b.WriteString(st.Muted.Render(" example: tok_visa (a magic test token), or any object: pi_, pm_, ch_, cus_, re_, du_, acct_… · enter: retrieve"))
	}
	return b.String()
}

// ShortHelp implements help.KeyMap.
func (r *Retrieve) ShortHelp() []key.Binding {
	if r.busy {
		return []key.Binding{r.pc.Keys.Cancel}
	}
	open := r.pc.Keys.Open
	open.SetHelp("enter", "retrieve")
	return []key.Binding{open, r.pc.Keys.Back}
}

// FullHelp implements help.KeyMap.
func (r *Retrieve) FullHelp() [][]key.Binding { return [][]key.Binding{r.ShortHelp()} }
