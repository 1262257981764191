package flow

import (
	"context"
	"fmt"
	"strings"
	"time"

	"github.com/charmbracelet/bubbles/key"
	"github.com/charmbracelet/bubbles/spinner"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/huh"

	"github.com/tokenscope/tokenscope/model"
	"github.com/tokenscope/tokenscope/ui/common"
)

// tokenSpec puts a kind form in one group and checks its request whole,
// as Stripe would, before any plan is shown.
type tokenSpec struct {
	*kindForm
	now func() time.Time
}

func (s tokenSpec) groups(rows, width int) []*huh.Group {
	return []*huh.Group{huh.NewGroup(s.fields(rows, width)...)}
}

func (s tokenSpec) request() (model.TokenRequest, error) {
	req, err := s.kindForm.request()
	if err == nil {
		err = model.Validate(req, s.now())
	}
	return req, err
}

// step is where a flow is.
type step int

const (
	stepChoose   step = iota // pick a kind of token
	stepRetrieve             // the retrieve flow, opened from the chooser
	stepForm                 // fill the form
	stepPlan                 // review the plan
	stepApply                // request in flight
	stepFailed               // the error pane, or the use outcome
	stepDone                 // the DoneMsg is on its way to the shell
)

// entry is a chooser line: a kind of token, or retrieve (no spec).
type entry struct {
	spec        *model.KindSpec
	name, about string
}

// choices are the kinds tokenscope creates, then retrieve.
var choices = func() []entry {
	var out []entry
	for _, s := range model.Creatable() {
		out = append(out, entry{s, s.Label, s.About})
	}
	return append(out, entry{nil, "retrieve by id", "any token id, magic test tokens such as tok_visa too"})
}()

// Token is the "new token" flow: choose a kind, fill its form, review the
// plan, apply it.
type Token struct {
	scope
	pc       *common.ProgramContext
	step     step
	choice   int
	forms    map[model.Kind]*kindForm // kept per kind: back and in again keeps values
	form     *form[model.TokenRequest]
	kind     model.Kind
	req      model.TokenRequest
	plan     *planView
	retrieve *Retrieve
	spin     spinner.Model
	err      error
	status   string
	w, h     int
}

// NewToken starts the flow at the chooser.
func NewToken(pc *common.ProgramContext) common.Component {
	return &Token{scope: newScope(pc), pc: pc, forms: map[model.Kind]*kindForm{}, spin: newSpinner(pc.Styles), w: pc.Width, h: pc.Height}
}

// Init implements tea.Model.
func (t *Token) Init() tea.Cmd { return nil }

// Close cancels the create in flight, and the retrieve opened from the
// chooser.
func (t *Token) Close() {
	t.scope.Close()
	if t.retrieve != nil {
		t.retrieve.Close()
	}
}

// Finished is the flow's end, or that of the retrieve opened from the
// chooser (which ends the flow with it).
func (t *Token) Finished() (DoneMsg, bool) {
	if t.retrieve != nil {
		if m, ok := t.retrieve.Finished(); ok {
			return m, true
		}
	}
	return t.scope.Finished()
}

// InFlight reports a create request on its way: quitting now would leave
// the state without a token Stripe made.
func (t *Token) InFlight() bool {
	return t.step == stepApply || (t.step == stepRetrieve && t.retrieve.InFlight())
}

// Typing reports a text field with the focus: the shell leaves it the
// alt keys of word editing.
func (t *Token) Typing() bool {
	switch t.step {
	case stepForm:
		return t.form.typing()
	case stepRetrieve:
		return t.retrieve.Typing()
	}
	return false
}

// SetSize implements common.Component.
func (t *Token) SetSize(w, h int) {
	t.w, t.h = w, h
	if t.form != nil {
		t.form.resize(w, t.formHeight())
	}
	if t.retrieve != nil {
		t.retrieve.SetSize(w, h)
	}
	if t.plan != nil {
		t.plan.setSize(planSize(w, h))
	}
}

// planSize is the room for a plan under a flow's title, one column in.
func planSize(w, h int) (int, int) { return w - 1, h - 2 }

// formHeight leaves room for the title above the form and the hint below.
func (t *Token) formHeight() int { return max(t.h-4, 6) }

// Update implements tea.Model.
func (t *Token) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	if isQuit(msg) && !t.InFlight() {
		return t, t.cancelled()
	}
	switch t.step {
	case stepChoose:
		return t, t.updateChoose(msg)
	case stepRetrieve:
		if _, ok := msg.(backMsg); ok {
			t.retrieve.Close()
			t.step, t.retrieve = stepChoose, nil
			return t, nil
		}
		_, cmd := t.retrieve.Update(msg)
		return t, cmd
	case stepForm:
		return t, t.updateForm(msg)
	case stepPlan:
		switch {
		case keyIs(msg, t.pc.Keys.Confirm) && t.plan.confirm():
			t.step = stepApply
			return t, tea.Batch(t.spin.Tick, t.create())
		case keyIs(msg, t.pc.Keys.Edit):
			t.step = stepForm
		default:
			return t, t.plan.update(msg)
		}
	case stepApply:
		return t, t.updateApply(msg)
	case stepFailed:
		if keyIs(msg, t.pc.Keys.Dismiss) {
			t.step, t.err = stepForm, nil
		}
	}
	return t, nil
}

func (t *Token) updateChoose(msg tea.Msg) tea.Cmd {
	k := t.pc.Keys
	switch {
	case keyIs(msg, k.Back), keyIs(msg, k.Quit): // q closes the menu, as in lazygit
		return t.cancelled()
	case keyIs(msg, k.Up):
		t.choice = (t.choice + len(choices) - 1) % len(choices)
	case keyIs(msg, k.Down), keyIs(msg, k.NextField):
		t.choice = (t.choice + 1) % len(choices)
	case keyIs(msg, k.PrevField):
		t.choice = (t.choice + len(choices) - 1) % len(choices)
	case keyIs(msg, k.Open):
		return t.open(choices[t.choice].spec)
	}
	return nil
}

// open goes from the chooser to a kind's form, or to retrieve.
func (t *Token) open(spec *model.KindSpec) tea.Cmd {
	if spec == nil {
		t.step, t.retrieve = stepRetrieve, newRetrieve(t.pc, true)
		t.retrieve.SetSize(t.w, t.h)
		return t.retrieve.Init()
	}
	kf, ok := t.forms[spec.Kind]
	if !ok {
		kf = newKindForm(spec, t.pc.Now)
		t.forms[spec.Kind] = kf
	}
	t.step, t.kind = stepForm, spec.Kind
	t.form = newForm[model.TokenRequest](t.pc.Styles, tokenSpec{kf, t.pc.Now}, t.w, t.formHeight())
	return t.form.huh.Init()
}

func (t *Token) updateForm(msg tea.Msg) tea.Cmd {
	if keyIs(msg, t.pc.Keys.Back) && !t.form.filtering() { // esc clears a filter first
		t.step, t.form = stepChoose, nil
		return nil
	}
	req, review, cmd := t.form.update(msg, t.pc.Keys.Review)
	if review {
		t.req, t.step = req, stepPlan
		w, h := planSize(t.w, t.h)
		t.plan = newPlanView(t.pc, w, h, model.PlanCreate(string(t.kind), t.req))
	}
	return cmd
}

// create sends the request; the reply arrives as a reply message.
func (t *Token) create() tea.Cmd {
	s, req := t.pc.Session, t.req
	return t.request(func(ctx context.Context) reply {
		rec, err := s.Create(ctx, req, "")
		return reply{rec: rec, err: err}
	})
}

func (t *Token) updateApply(msg tea.Msg) tea.Cmd {
	if keyIs(msg, t.pc.Keys.Cancel) {
		t.cancelRequest()
		return nil
	}
	r, ok, cmd := awaitReply(msg, t.id, &t.spin)
	switch {
	case !ok:
		return cmd
	case r.err != nil:
		t.step, t.err = stepFailed, r.err
		return nil
	}
	rec := r.rec
	t.step, t.status = stepDone, fmt.Sprintf("created %s (%s)", rec.ID, rec.Summary)
	return t.finish(&rec, t.status, false)
}

// title names the step: "New token", "New card token".
func (t *Token) title() string {
	if t.step == stepChoose {
		return "New token"
	}
	spec, _ := model.SpecOf(t.kind)
	return "New " + spec.Label + " token"
}

// View implements tea.Model.
func (t *Token) View() string {
	st := t.pc.Styles
	var body string
	switch t.step {
	case stepRetrieve:
		return t.retrieve.View()
	case stepChoose:
		body = t.chooserView()
	case stepForm:
		hint := "enter: review the plan"
		switch {
		case t.form.filtering():
			hint = "↑/↓ choose · esc: clear the filter · " + hint
		case t.form.presets():
			hint = "type to filter the presets · " + hint
		}
		body = t.form.view() + "\n\n" + st.Muted.Render(hint)
	case stepPlan:
		body = t.plan.view()
	case stepApply:
		body = t.inFlight(t.spin.View(), "Creating token… POST /v1/tokens  →  "+t.pc.Backend.Label())
	case stepDone:
		body = t.status
	case stepFailed:
		// The form is not shown under the pane: it would not fit at 80x24,
		// and after a submission no number may be on screen unmasked.
		body = common.RenderError(t.pc, t.err, t.w-1) + "\n\n" +
			st.Muted.Render("everything you typed is kept") // the footer says how to go back
	}
	return st.Header.Render(" "+t.title()) + "\n\n" + indent(body)
}

func (t *Token) chooserView() string {
	st := t.pc.Styles
	var b strings.Builder
	for i, c := range choices {
		line := fmt.Sprintf("  %-16s %s", c.name, st.Muted.Render(c.about))
		if i == t.choice {
			line = st.RowSelected.Render(common.GlyphSelected+" "+fmt.Sprintf("%-16s", c.name)) + " " + st.Muted.Render(c.about)
		}
		b.WriteString(line + "\n")
	}
	return strings.TrimSuffix(b.String(), "\n")
}

// ShortHelp implements help.KeyMap: the keys of the current step.
func (t *Token) ShortHelp() []key.Binding {
	k := t.pc.Keys
	switch t.step {
	case stepChoose:
		return []key.Binding{k.Up, k.Down, k.Open, k.Back}
	case stepRetrieve:
		return t.retrieve.ShortHelp()
	case stepForm:
		switch {
		case t.form.filtering():
			return []key.Binding{k.NextField, k.Review, k.ClearFilter}
		case t.form.presets():
			return []key.Binding{k.Filter, k.NextField, k.Review, k.Back}
		}
		return []key.Binding{k.NextField, k.PrevField, k.Review, k.Back}
	case stepPlan:
		return []key.Binding{k.Confirm, k.Edit}
	case stepApply:
		return []key.Binding{k.Cancel, k.Quit}
	case stepFailed:
		return []key.Binding{k.Dismiss}
	}
	return nil
}

// FullHelp implements help.KeyMap.
func (t *Token) FullHelp() [][]key.Binding { return [][]key.Binding{t.ShortHelp()} }

// indent sets a body one column in from the title.
func indent(s string) string {
	return " " + strings.ReplaceAll(s, "\n", "\n ")
}
