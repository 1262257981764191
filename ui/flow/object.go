package flow

import (
	"context"
	"fmt"
	"strings"

	"github.com/charmbracelet/bubbles/key"
	"github.com/charmbracelet/bubbles/spinner"
	tea "github.com/charmbracelet/bubbletea"

	"github.com/tokenscope/tokenscope/model"
	"github.com/tokenscope/tokenscope/ui/common"
	"github.com/tokenscope/tokenscope/views"
)

// objectAction is what the request in flight of an object pane does.
type objectAction int

const (
	actLoad objectAction = iota
	actChallenge
	actVerify
	actCharge
)

// Object is the pane of an object other than a token (pi_, ch_, cus_,
// re_, du_, acct_, ...), read by id with `i` or opened from a token's
// detail: what views.NewObject says of it, and the keys that move it on
// where tokenscope can: a PaymentIntent waiting for 3D Secure (a / f), a
// customer with a bank account (v verifies it with the test
// micro-deposits, p charges it). The object is read again after each.
type Object struct {
	scope
	pc     *common.ProgramContext
	objID  string
	obj    *model.Object // nil until read
	busy   bool
	doing  objectAction
	err    error
	note   string // what the last action did
	spin   spinner.Model
	verify bool // verify the bank account once read (the use outcome's v)
	// typed holds the keys pressed while a request was in flight (a
	// fast typist's p right after v, while the object is read again):
	// they are handled once it answers, not dropped.
	typed []tea.KeyMsg
	w, h  int

	// noteFailed: the note tells of a failure (a 3D Secure challenge
	// failed, or declined after), shown with "!"; the error itself is in
	// the PaymentIntent's fields (last_error).
	noteFailed bool
}

// maxTyped bounds the keys kept while a request is in flight.
const maxTyped = 16

// NewObject opens the pane of the object with this id and reads it.
func NewObject(pc *common.ProgramContext, id string) common.Component { return newObject(pc, id) }

func newObject(pc *common.ProgramContext, id string) *Object {
	return &Object{scope: newScope(pc), pc: pc, objID: id, spin: newSpinner(pc.Styles), w: pc.Width, h: pc.Height}
}

// newVerify opens a customer's pane and verifies its bank account once
// read: the use outcome of a bank token attached to a customer offers it.
func newVerify(pc *common.ProgramContext, customer string) *Object {
	o := newObject(pc, customer)
	o.verify = true
	return o
}

// LinksMsg asks the shell to open an object an object pane names (its
// PaymentMethod, its charge, its customer): y's picker asks which when
// there are several, and the one chosen takes the pane's place.
type LinksMsg struct{ IDs []views.Field }

// links are the ids among the object's fields that tokenscope reads by
// id, in the pane's order.
func (o *Object) links() []views.Field {
	if o.obj == nil {
		return nil
	}
	var out []views.Field
	for _, f := range views.NewObject(*o.obj).Fields {
		if f.Value != o.objID && IsObjectID(f.Value) {
			out = append(out, f)
		}
	}
	return out
}

// IsObjectID reports an id of an object tokenscope reads by id (not a
// token's): `i` opens its pane instead of adding a token to the state.
func IsObjectID(id string) bool {
	s, fe := model.ObjectKindOf(id, model.ParamTokenID)
	return fe == nil && s.Object != model.ObjectToken
}

// Init implements tea.Model: the object is read at once.
func (o *Object) Init() tea.Cmd { return o.send(actLoad) }

// InFlight reports a write on its way (a challenge answered, a
// verification, a charge); a read is harmless to abandon.
func (o *Object) InFlight() bool { return o.busy && o.doing != actLoad }

// SetSize implements common.Component.
func (o *Object) SetSize(w, h int) { o.w, o.h = w, h }

// send starts the request of act, with its spinner.
func (o *Object) send(act objectAction) tea.Cmd {
	o.busy, o.doing, o.err = true, act, nil
	id, s := o.objID, o.pc.Session
	var fn func(ctx context.Context) (model.Object, error)
	switch act {
	case actLoad:
		fn = func(ctx context.Context) (model.Object, error) { return s.Object(ctx, id) }
	case actVerify:
		req := model.VerifyRequest{Customer: id, Bank: o.bank(), Amounts: [2]int64{32, 45}}
		fn = func(ctx context.Context) (model.Object, error) { return s.Verify(ctx, req) }
	case actCharge:
		req := model.CustomerCharge{Customer: id, Amount: 1000, Currency: "usd"}
		fn = func(ctx context.Context) (model.Object, error) { return s.ChargeCustomer(ctx, req) }
	}
	return tea.Batch(o.spin.Tick, o.request(func(ctx context.Context) reply {
		obj, err := fn(ctx)
		return reply{obj: obj, err: err}
	}))
}

// challenge answers the PaymentIntent's 3D Secure challenge.
func (o *Object) challenge(fail bool) tea.Cmd {
	o.busy, o.doing, o.err = true, actChallenge, nil
	answer := answerChallenge(o.pc, o.objID, fail)
	return tea.Batch(o.spin.Tick, o.request(func(ctx context.Context) reply {
		pi, err := answer(ctx)
		return reply{obj: pi, err: err}
	}))
}

// answerChallenge answers the 3D Secure challenge of PaymentIntent id,
// for the use outcome and the object pane alike: offline the emulator's
// page is answered; against Stripe its URL is returned as the error, so
// the pane says what to do.
func answerChallenge(pc *common.ProgramContext, id string, fail bool) func(context.Context) (model.Object, error) {
	s := pc.Session
	return func(ctx context.Context) (model.Object, error) {
		ch, err := s.Authenticate(ctx, id, fail)
		if err == nil && !ch.Answered {
			err = fmt.Errorf("open %s in a browser and press Complete or Fail: only Stripe's page can answer it", ch.URL)
		}
		return ch.PaymentIntent, err
	}
}

// waitsForChallenge reports a PaymentIntent in requires_action.
func (o *Object) waitsForChallenge() bool {
	return o.obj != nil && strings.HasPrefix(o.objID, "pi_") && o.obj.Fields().Get("status") == model.PIRequiresAction
}

// bank is the customer's bank account, "" when its default source is
// none (a card, or no source): what v verifies and p charges.
func (o *Object) bank() string {
	if o.obj == nil || !strings.HasPrefix(o.objID, "cus_") {
		return ""
	}
	if src := o.obj.Fields().Get("default_source"); strings.HasPrefix(src, "ba_") {
		return src
	}
	return ""
}

// Update implements tea.Model.
func (o *Object) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	k := o.pc.Keys
	if o.busy {
		if keyIs(msg, k.Cancel) {
			o.cancelRequest()
			return o, nil
		}
		if km, ok := msg.(tea.KeyMsg); ok {
			if len(o.typed) < maxTyped {
				o.typed = append(o.typed, km)
			}
			return o, nil
		}
		r, ok, cmd := awaitReply(msg, o.id, &o.spin)
		if !ok {
			return o, cmd
		}
		return o, o.handleTyped(o.answered(r))
	}
	if isQuit(msg) {
		return o, o.cancelled()
	}
	switch {
	case keyIs(msg, k.Authenticate) && o.waitsForChallenge():
		return o, o.challenge(false)
	case keyIs(msg, k.FailChallenge) && o.waitsForChallenge():
		return o, o.challenge(true)
	case keyIs(msg, k.Verify) && o.bank() != "":
		return o, o.send(actVerify)
	case keyIs(msg, k.ChargeCustomer) && o.bank() != "":
		return o, o.send(actCharge)
	case keyIs(msg, k.Refresh):
		return o, o.send(actLoad)
	case keyIs(msg, k.Follow) && len(o.links()) > 0:
		ids := o.links()
		return o, func() tea.Msg { return LinksMsg{IDs: ids} }
	case keyIs(msg, k.Back):
		return o, o.finish(nil, "", true)
	}
	return o, nil
}

// handleTyped runs the keys kept while a request was in flight, after
// cmd (the reply's), until one of them starts another request.
func (o *Object) handleTyped(cmd tea.Cmd) tea.Cmd {
	cmds := []tea.Cmd{cmd}
	for len(o.typed) > 0 && !o.busy {
		k := o.typed[0]
		o.typed = o.typed[1:]
		_, c := o.Update(k)
		cmds = append(cmds, c)
	}
	return tea.Batch(cmds...)
}

// answered takes a request's reply: the object read, or what an action
// did (then the object is read again, and the shell reads the state: a
// challenge answered moves its token's use on).
func (o *Object) answered(r reply) tea.Cmd {
	o.busy = false
	if r.err != nil {
		o.err = r.err
		return nil
	}
	switch o.doing {
	case actLoad:
		o.obj = &r.obj
		if o.verify && o.bank() != "" {
			o.verify = false
			return o.send(actVerify)
		}
		return nil
	case actChallenge:
		o.note = "3D Secure answered: " + views.Clean(r.obj.Fields().Get("status"))
		pe := model.PaymentError(r.obj.Fields())
		if o.noteFailed = pe != nil; o.noteFailed {
			o.note += ", " + views.Clean(pe.Code)
		}
	case actVerify:
		o.note = "verified " + views.Clean(r.obj.ID) + " with 32 and 45: " + views.Clean(r.obj.Fields().Get("status"))
	case actCharge:
		o.note = "charged 10.00 usd: " + views.NewObject(r.obj).Headline("")
	}
	return tea.Batch(o.send(actLoad), wrote)
}

// View implements tea.Model.
func (o *Object) View() string {
	st := o.pc.Styles
	var b strings.Builder
	head := " " + o.objID
	var v views.Object
	if o.obj != nil {
		v = views.NewObject(*o.obj)
		head = " " + v.Headline("")
	}
	b.WriteString(st.Header.Render(head) + "\n\n")
	if o.obj != nil {
		rows := v.Fields
		if v.RequestID != "" {
			rows = append(rows, views.Field{Label: "request id", Value: v.RequestID})
		}
		b.WriteString(indent(common.RenderRows(st, rows, o.w-1)) + "\n")
	}
	if o.note != "" && o.noteFailed {
		b.WriteString(" " + st.ErrorTitle.Render(common.GlyphError+" "+views.Clean(o.note)) + "\n")
	} else if o.note != "" {
		b.WriteString(" " + st.Add.Render(common.GlyphAdd+" "+views.Clean(o.note)) + "\n")
	}
	if o.err != nil {
		b.WriteString("\n" + indent(common.RenderError(st, o.err, o.w-1)) + "\n")
	}
	b.WriteString("\n")
	if o.busy {
		b.WriteString(" " + o.spin.View() + " " + o.doingText() + "  →  " + o.pc.Backend.Label() + "  " + o.waiting())
	} else {
		b.WriteString(st.Muted.Render(" " + o.hint()))
	}
	return b.String()
}

// doingText says what the request in flight does.
func (o *Object) doingText() string {
	switch o.doing {
	case actChallenge:
		return "Answering the 3D Secure challenge…"
	case actVerify:
		return "Verifying " + o.bank() + "… POST /v1/customers/" + o.objID + "/sources/" + o.bank() + "/verify"
	case actCharge:
		return "Charging the customer… POST /v1/charges"
	}
	return "Reading… GET " + o.objID
}

// hint names the keys the object answers to now.
func (o *Object) hint() string {
	var hs []string
	for _, b := range o.ShortHelp() {
		hs = append(hs, b.Help().Key+": "+b.Help().Desc)
	}
	return strings.Join(hs, " · ")
}

// ShortHelp implements help.KeyMap.
func (o *Object) ShortHelp() []key.Binding {
	k := o.pc.Keys
	if o.busy {
		return []key.Binding{k.Cancel}
	}
	var out []key.Binding
	if o.waitsForChallenge() {
		out = append(out, k.Authenticate, k.FailChallenge)
	}
	if o.bank() != "" {
		out = append(out, k.Verify, k.ChargeCustomer)
	}
	if len(o.links()) > 0 {
		out = append(out, k.Follow)
	}
	closeIt := k.Back
	closeIt.SetHelp("esc", "close")
	return append(out, k.Refresh, closeIt)
}

// FullHelp implements help.KeyMap.
func (o *Object) FullHelp() [][]key.Binding { return [][]key.Binding{o.ShortHelp()} }
