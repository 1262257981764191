package flow

import (
	"context"
	"fmt"
	"math"
	"strings"
	"time"

	"github.com/charmbracelet/bubbles/key"
	"github.com/charmbracelet/bubbles/spinner"
	tea "github.com/charmbracelet/bubbletea"

	"github.com/tokenscope/tokenscope/model"
	"github.com/tokenscope/tokenscope/service"
	"github.com/tokenscope/tokenscope/ui/common"
	"github.com/tokenscope/tokenscope/views"
)

// objectAction is what the request in flight of an object pane does.
type objectAction int

const (
	actLoad objectAction = iota
	actChallenge
	actMove // the move under way (objectmove.go)
)

// Object is the pane of an object other than a token (pi_, ch_, cus_,
// re_, du_, acct_, ...), read by id with `i` or opened from a token's
// detail: what views.NewObject says of it, and the keys that move it on
// where tokenscope can, each offered only when the object's state allows
// it (model.Subject.Moves): a PaymentIntent waiting for 3D Secure (a / f),
// one to capture (c) or cancel (x), a charge or paid PaymentIntent to
// refund (b), an open dispute to answer (w), a bank account to verify
// (v), a customer to charge (p). The object is read again after each,
// with the object that decides its moves (rel).
type Object struct {
	scope
	pc    *common.ProgramContext
	objID string
	obj   *model.Object // nil until read
	// rel is read with obj when it decides obj's moves: a customer's
	// bank account, a disputed charge's dispute, a paid PaymentIntent's
	// charge; nil when none (or it could not be read).
	rel   *model.Object
	busy  bool
	doing objectAction
	err   error
	note  string // what the last action did
	// offset is the first body row in sight when the body is taller than
	// the pane; an error scrolls to the end, where its next step is.
	offset int
	spin   spinner.Model
	// mv is the move whose form or plan is shown, nil for the pane;
	// specs keep each move's form as typed when esc leaves it, until
	// the move is sent.
	mv    *moving
	specs map[model.Move]*moveSpec
	// then is the move to open once the object is read, if its state
	// allows it: the use outcome's v, c and x open the pane with it.
	then model.Move
	// made is what the last move made (a refund, a charge): enter opens
	// it, as it does the objects the pane names.
	made *views.Field
	// typed holds the keys pressed while a request was in flight (a
	// fast typist's p right after v, while the object is read again):
	// they are handled once it answers, not dropped.
	typed []tea.KeyMsg
	w, h  int

	// shown is when the object was first in sight; early says why an a
	// or f typed ahead of it did not answer the challenge
	// (challengeguard.go).
	shown time.Time
	early string

	// noteFailed: the note tells of a failure (a 3D Secure challenge
	// failed, or declined after), shown with "!"; the error itself is in
	// the PaymentIntent's fields (last_error).
	noteFailed bool

	// live follows the events about the object (objectlive.go).
	live live
}

// maxTyped bounds the keys kept while a request is in flight.
const maxTyped = 16

// NewObject opens the pane of the object with this id and reads it.
func NewObject(pc *common.ProgramContext, id string) common.Component { return newObject(pc, id) }

func newObject(pc *common.ProgramContext, id string) *Object {
	return &Object{scope: newScope(pc), pc: pc, objID: id, spin: newSpinner(pc.Styles), w: pc.Width, h: pc.Height,
		specs: map[model.Move]*moveSpec{}}
}

// newMoveOn opens the pane of object id and, once it is read, move m
// (its form or plan) if its state allows it: the use outcome offers the
// verification of a bank token's new bank account (v), the capture and
// cancel of an authorized PaymentIntent (c, x).
func newMoveOn(pc *common.ProgramContext, id string, m model.Move) *Object {
	o := newObject(pc, id)
	o.then = m
	return o
}

// LinksMsg asks the shell to open an object an object pane names (its
// PaymentMethod, its charge, its customer): y's picker asks which when
// there are several, and the one chosen takes the pane's place.
type LinksMsg struct{ IDs []views.Field }

// links are the ids among the object's fields that tokenscope reads by
// id, in the pane's order (a disputed charge's dispute too).
func (o *Object) links() []views.Field {
	if o.obj == nil {
		return nil
	}
	var out []views.Field
	rows := o.rows()
	if o.made != nil {
		rows = append(rows, *o.made)
	}
	for _, f := range rows {
		if f.Value != o.objID && IsObjectID(f.Value) {
			out = append(out, f)
		}
	}
	return out
}

// rows are the object's rows shown in the pane: its kind's fields, then
// those of the object read with it. The object must have been read.
func (o *Object) rows() []views.Field { return o.paneRows().Shown }

// paneRows are the object's rows, the quiet ones (not shown) too.
func (o *Object) paneRows() views.Rows { return views.ObjectRows(*o.obj, o.rel) }

// IsObjectID reports an id of an object tokenscope reads by id (not a
// token's): `i` opens its pane instead of adding a token to the state.
func IsObjectID(id string) bool {
	s, fe := model.ObjectKindOf(id, model.ParamTokenID)
	return fe == nil && s.Object != model.ObjectToken
}

// Init implements tea.Model: the object is read at once.
func (o *Object) Init() tea.Cmd { return o.send(actLoad) }

// InFlight reports a write on its way (a challenge answered, a move);
// a read is harmless to abandon.
func (o *Object) InFlight() bool { return o.busy && o.doing != actLoad }

// Typing reports a move's text field with the focus (an amount).
func (o *Object) Typing() bool {
	return !o.busy && o.mv != nil && o.mv.plan == nil && o.mv.form.typing()
}

// SetSize implements common.Component.
func (o *Object) SetSize(w, h int) {
	o.w, o.h = w, h
	if o.mv == nil {
		return
	}
	if o.mv.form != nil {
		o.mv.form.resize(w-2, o.moveHeight())
	}
	if o.mv.plan != nil {
		o.mv.plan.setSize(planSize(w, h))
	}
}

// subject is the object as its moves see it.
func (o *Object) subject() model.Subject {
	s := model.Subject{ID: o.objID}
	if o.obj != nil {
		s.F = o.obj.Fields()
	}
	if o.rel != nil {
		s.Related = o.rel.Fields()
	}
	return s
}

// send starts the request of act, with its spinner.
func (o *Object) send(act objectAction) tea.Cmd {
	o.busy, o.doing, o.err = true, act, nil
	o.supersede(act)
	var fn func(ctx context.Context) (model.Object, *model.Object, error)
	switch act {
	case actLoad:
		id, s := o.objID, o.pc.Session
		fn = func(ctx context.Context) (model.Object, *model.Object, error) {
			obj, err := s.Object(ctx, id)
			if err != nil {
				return obj, nil, err
			}
			return obj, readRelated(ctx, o.pc, obj), nil
		}
	case actMove:
		run := o.runMove()
		fn = func(ctx context.Context) (model.Object, *model.Object, error) {
			obj, err := run(ctx)
			return obj, nil, err
		}
	}
	var start func(context.Context) *service.ObjectFeed
	if act == actLoad {
		start = o.feedStart()
	}
	return tea.Batch(o.spin.Tick, o.request(func(ctx context.Context) reply {
		var feed *service.ObjectFeed
		if start != nil {
			feed = start(ctx)
		}
		obj, also, err := fn(ctx)
		return reply{obj: obj, also: also, err: err, feed: feed}
	}))
}

// readRelated reads the object that decides obj's moves: a customer's
// bank account (its status) or card (the test card its charge plan
// names, with what to expect), a disputed charge's dispute, a paid
// PaymentIntent's charge (what remains to refund). It is nil when there
// is none, or when it could not be read: the moves then leave it to
// Stripe to say (model.Subject.Allows).
func readRelated(ctx context.Context, pc *common.ProgramContext, obj model.Object) *model.Object {
	s, f := pc.Session, obj.Fields()
	var rel model.Object
	var err error
	switch {
	case strings.HasPrefix(obj.ID, "cus_") && (strings.HasPrefix(f.Get("default_source"), "ba_") || strings.HasPrefix(f.Get("default_source"), "card_")):
		rel, err = s.Source(ctx, obj.ID, f.Get("default_source"))
	case (strings.HasPrefix(obj.ID, "ch_") || strings.HasPrefix(obj.ID, "py_")) && f.Get("disputed") == "true":
		var found bool
		if rel, found, err = s.DisputeOf(ctx, obj.ID); !found {
			return nil
		}
	case strings.HasPrefix(obj.ID, "pi_") && f.Get("status") == model.PISucceeded && f.Get("latest_charge") != "":
		rel, err = s.Object(ctx, f.Get("latest_charge"))
	default:
		return nil
	}
	if err != nil {
		return nil
	}
	return &rel
}

// challenge answers the PaymentIntent's 3D Secure challenge.
func (o *Object) challenge(fail bool) tea.Cmd {
	o.busy, o.doing, o.err = true, actChallenge, nil
	o.supersede(actChallenge)
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

// Update implements tea.Model: the feed's messages first, then once
// the pane is idle the quiet read they asked for (objectlive.go).
func (o *Object) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	cmd, done := o.updateLive(msg)
	if !done {
		_, c := o.update(msg)
		cmd = tea.Batch(cmd, c)
	}
	return o, tea.Batch(cmd, o.rereadIfIdle())
}

// update is the pane's own handling of msg: keys, and its requests'
// replies.
func (o *Object) update(msg tea.Msg) (tea.Model, tea.Cmd) {
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
	if o.mv != nil {
		return o, o.updateMove(msg)
	}
	subj := o.subject()
	switch {
	case (keyIs(msg, k.Authenticate) || keyIs(msg, k.FailChallenge)) && subj.Allows(model.MoveAuthenticate):
		if o.early = challengeEarly(o.pc, o.shown, msg); o.early != "" {
			return o, nil
		}
		return o, o.challenge(keyIs(msg, k.FailChallenge))
	case keyIs(msg, k.Refresh):
		// What the last action did was true when it answered; the object
		// read now may say otherwise (a refund that failed since), so
		// its line goes: the fields are what is true.
		o.note, o.noteFailed = "", false
		return o, o.send(actLoad)
	case keyIs(msg, k.Up):
		o.scroll(-1)
	case keyIs(msg, k.Down):
		o.scroll(1)
	case keyIs(msg, k.PageUp):
		o.scroll(-o.bodyRoom(o.footRows()) + 1)
	case keyIs(msg, k.PageDown):
		o.scroll(o.bodyRoom(o.footRows()) - 1)
	case keyIs(msg, k.Follow) && len(o.links()) > 0:
		ids := o.links()
		return o, func() tea.Msg { return LinksMsg{IDs: ids} }
	case keyIs(msg, k.Back):
		return o, o.finish(nil, "", true)
	}
	for _, m := range subj.Moves() {
		if m != model.MoveAuthenticate && keyIs(msg, moveKey(o.pc.Keys, m)) {
			return o, o.startMove(m)
		}
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
// challenge answered moves its token's use on). A move that failed
// shows its error in the pane, whose keys its next step names; its key
// then opens its form filled as the next step says (all that remains to
// refund or capture, the deposits 32 and 45), not as typed.
func (o *Object) answered(r reply) tea.Cmd {
	o.busy = false
	if r.err != nil {
		if o.doing == actMove {
			delete(o.specs, o.mv.move)
		}
		o.err, o.mv = r.err, nil
		o.offset = math.MaxInt // the error's end, clamped as drawn
		return nil
	}
	o.offset = 0
	switch o.doing {
	case actLoad:
		if o.obj == nil {
			o.shown = o.pc.Now()
		}
		o.obj, o.rel = &r.obj, r.also
		o.refitForms()
		if m := o.then; m != "" && o.subject().Allows(m) {
			o.then = ""
			return o.startMove(m)
		}
		return nil
	case actChallenge:
		o.note = "3D Secure answered: " + views.Clean(r.obj.Fields().Get("status"))
		pe := model.PaymentError(r.obj.Fields())
		if o.noteFailed = pe != nil; o.noteFailed {
			o.note += ", " + views.Clean(pe.Code)
		}
	case actMove:
		o.note, o.noteFailed = moved(o.mv.move, o.mv.in, r.obj), false
		if r.obj.ID != o.objID && IsObjectID(r.obj.ID) {
			o.made = &views.Field{Label: views.NewObject(r.obj).Label, Value: views.Clean(r.obj.ID)}
		}
		delete(o.specs, o.mv.move)
		o.mv = nil
	}
	return tea.Batch(o.send(actLoad), wrote)
}

// View implements tea.Model.
func (o *Object) View() string {
	st := o.pc.Styles
	if o.mv != nil && !o.busy {
		return o.viewMove()
	}
	head := " " + o.objID
	if o.obj != nil {
		head = " " + views.NewObject(*o.obj).Headline("")
	}
	body := o.window(o.bodyLines(), o.bodyRoom(o.footRows()))
	out := st.Header.Render(head) + "\n\n" + strings.Join(body, "\n")
	if o.busy {
		out += "\n\n " + o.inFlight(o.spin.View(), o.doingText()+"  →  "+o.pc.Backend.Label())
	}
	return out
}

// footRows is the rows under the body: the request in flight. The keys
// the pane answers to are the app's footer (ShortHelp), said once.
func (o *Object) footRows() int {
	switch {
	case o.busy && o.lockHolder() != "":
		return 3 // and who holds the state lock (inFlight)
	case o.busy:
		return 2
	}
	return 0
}

// bodyLines are the pane's lines under its title: the object's rows,
// what the last action did, and the error of the last request.
func (o *Object) bodyLines() []string {
	st := o.pc.Styles
	var out []string
	if o.obj != nil {
		v := views.NewObject(*o.obj)
		rows := o.rows()
		if v.RequestID != "" {
			rows = append(rows, views.Field{Label: "request id", Value: v.RequestID})
		}
		out = strings.Split(indent(common.RenderRows(st, rows, o.w-1)), "\n")
	}
	if o.note != "" {
		glyph, style := common.GlyphAdd, st.Add
		if o.noteFailed {
			glyph, style = common.GlyphError, st.ErrorTitle
		}
		for _, l := range common.Hang(" "+glyph+" ", views.Clean(o.note), o.w) {
			out = append(out, style.Render(l))
		}
	}
	out = append(out, o.changeLines()...)
	if o.err != nil {
		out = append(out, "")
		out = append(out, strings.Split(indent(common.RenderError(o.pc, o.err, o.w-1)), "\n")...)
	}
	if o.early != "" && o.subject().Allows(model.MoveAuthenticate) {
		for _, l := range common.Hang(" ", o.early, o.w) {
			out = append(out, st.Muted.Render(l))
		}
	}
	return out
}

// bodyRoom is the rows the body has: the pane less its title and the
// blank line under it, and the foot rows.
func (o *Object) bodyRoom(foot int) int { return max(o.h-2-foot, 2) }

// window is the body's rows in sight from the pane's offset, the last
// row saying where the rest is when they do not all fit (a PaymentIntent
// with an error's explanation at 80x24): ↑/↓ scroll.
func (o *Object) window(lines []string, room int) []string {
	if len(lines) <= room {
		return lines
	}
	last := len(lines) - (room - 1)
	off := min(max(o.offset, 0), last)
	more := common.ScrollHint(off > 0, off < last)
	return append(lines[off:off+room-1:off+room-1], o.pc.Styles.Muted.Render("  "+more))
}

// scroll moves the body's window by n rows, within its bounds.
func (o *Object) scroll(n int) {
	// While every row fits there is nothing to scroll: an offset kept
	// then would move the rows once the body grows (a change read).
	lines, room := len(o.bodyLines()), o.bodyRoom(o.footRows())
	last := 0
	if lines > room {
		last = lines - (room - 1)
	}
	o.offset = min(max(min(o.offset, last)+n, 0), last)
}

// doingText says what the request in flight does.
func (o *Object) doingText() string {
	switch o.doing {
	case actChallenge:
		return "Answering the 3D Secure challenge…"
	case actMove:
		return movingText(o.mv.move, model.PlanMove(o.mv.move, o.subject(), o.mv.in))
	}
	return "Reading… GET " + o.objID
}

// ShortHelp implements help.KeyMap.
func (o *Object) ShortHelp() []key.Binding {
	k := o.pc.Keys
	switch {
	case o.busy:
		return []key.Binding{k.Cancel}
	case o.mv != nil && o.mv.plan != nil:
		return []key.Binding{k.Confirm, k.Edit}
	case o.mv != nil && o.mv.move == model.MoveAnswer:
		return []key.Binding{k.Review, k.Back} // one list: tab goes nowhere
	case o.mv != nil:
		return []key.Binding{k.NextField, k.Review, k.Back}
	}
	out := o.objectKeys()
	closeIt := k.Back
	closeIt.SetHelp("esc", "close")
	return append(out, k.Refresh, closeIt)
}

// objectKeys are the keys the object's state allows (b refunds it or
// releases it), and enter when it names objects to open.
func (o *Object) objectKeys() []key.Binding {
	k := o.pc.Keys
	var out []key.Binding
	for _, m := range o.subject().Moves() {
		out = append(out, moveKey(k, m))
		if m == model.MoveAuthenticate {
			out = append(out, k.FailChallenge)
		}
	}
	if len(o.links()) > 0 {
		out = append(out, k.Follow)
	}
	return out
}

// KeyOfferer is a flow that shows an object: ? opens the help over it,
// which says what the object's keys do there (b releases an
// authorization, refunds a payment). ok is false while ? would be typed.
type KeyOfferer interface {
	OfferedKeys() (keys []key.Binding, ok bool)
}

// OfferedKeys are the object's keys, for the help overlay (?) to say
// what each does here; false while a field has the focus, where ? is
// typed.
func (o *Object) OfferedKeys() ([]key.Binding, bool) {
	return o.objectKeys(), !o.Typing()
}

// FullHelp implements help.KeyMap.
func (o *Object) FullHelp() [][]key.Binding { return [][]key.Binding{o.ShortHelp()} }
