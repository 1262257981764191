package flow

import (
	"cmp"
	"context"
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/charmbracelet/bubbles/key"
	"github.com/charmbracelet/bubbles/spinner"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/huh"
	"github.com/charmbracelet/lipgloss"

	"github.com/tokenscope/tokenscope/model"
	"github.com/tokenscope/tokenscope/ui/common"
	"github.com/tokenscope/tokenscope/views"
)

// useSpec is the use form: charge the token or attach it to a new
// customer; a charge also asks for amount and currency.
type useSpec struct {
	tokenID, kind, amount, currency string
	account                         string          // the acct_ or person_ an id number goes to
	capture                         string          // a PaymentIntent's capture method
	uses                            []model.UseKind // the kind's, from the registry
	kindSel                         *huh.Select[string]
}

// useOptions name each use with its request.
var useOptions = map[model.UseKind]string{
	model.UseCharge:        "charge it                  POST /v1/charges",
	model.UseCustomer:      "attach to a new customer   POST /v1/customers",
	model.UsePaymentMethod: "make a PaymentMethod       POST /v1/payment_methods",
	model.UsePaymentIntent: "pay a PaymentIntent        POST /v1/payment_intents",
	model.UseAuthorize:     "authorize (capture later)  POST /v1/charges capture=false",
	model.UseSetupIntent:   "save with a SetupIntent    POST /v1/setup_intents",
	model.UseAccount:       "make a Connect account     POST /v1/accounts",
	model.UseIDNumber:      "id number of an account    POST /v1/accounts/{acct}",
}

// paysAmount reports whether a use takes an amount and a currency.
func paysAmount(k string) bool {
	return k == string(model.UseCharge) || k == string(model.UsePaymentIntent) || k == string(model.UseAuthorize)
}

func (u *useSpec) groups(int, int) []*huh.Group {
	var opts []huh.Option[string]
	for _, k := range u.uses {
		opts = append(opts, huh.NewOption(useOptions[k], string(k)))
	}
	u.kindSel = huh.NewSelect[string]().Title("Use the token").Options(opts...).Value(&u.kind)
	// The amount's hint has a line of its own: inline, huh draws the
	// description between the title and the value ("…10.00 usd1000").
	amount := huh.NewInput().Title("Amount").Description("in the smallest unit: 1000 = 10.00 usd").
		Prompt("").Value(&u.amount).CharLimit(model.MaxAmountLen).Validate(u.checkAmount)
	capture := huh.NewSelect[string]().Title("Capture").Options(
		huh.NewOption("automatic: paid once confirmed (and authenticated)", "automatic"),
		huh.NewOption("manual: waits in requires_capture", "manual"),
	).Value(&u.capture)
	return []*huh.Group{
		huh.NewGroup(u.kindSel),
		huh.NewGroup(
			amount,
			input("Currency", model.MaxCurrencyLen, &u.currency, check(model.ValidateCurrency)),
		).WithHideFunc(func() bool { return !paysAmount(u.kind) }),
		huh.NewGroup(capture).WithHideFunc(func() bool { return u.kind != string(model.UsePaymentIntent) }),
		huh.NewGroup(
			input("Account or person (acct_…, person_…)", model.MaxObjectIDLen, &u.account, check(checkIDNumberFor)),
		).WithHideFunc(func() bool { return u.kind != string(model.UseIDNumber) }),
	}
}

func (u *useSpec) sync() bool { return false }

// advance: enter on the choice reviews the plan, as the create flow's
// enter on a preset does: the amount and currency have defaults (tab goes
// on to change them). An id number has none for the account it goes to,
// so enter there goes on to that field.
func (u *useSpec) advance(focused huh.Field) bool {
	v, _ := u.kindSel.GetValue().(string)
	return focused == huh.Field(u.kindSel) && v == string(model.UseIDNumber)
}

// hint is the form's footer: what enter and tab do from the field with the
// focus, with the values enter would send.
func (u *useSpec) hint(focused huh.Field) string {
	if focused != huh.Field(u.kindSel) {
		return "enter: review the plan"
	}
	var set string
	if n, err := strconv.ParseInt(strings.TrimSpace(u.amount), 10, 64); err == nil && paysAmount(u.kind) {
		set = model.FormatAmount(n, u.currency)
	}
	switch u.kind {
	case string(model.UseIDNumber):
		return "enter: the account or person it goes to"
	case string(model.UsePaymentIntent):
		capture := cmp.Or(u.capture, "automatic")
		return fmt.Sprintf("enter: review the plan (%s, capture %s) · tab: change them", set, capture)
	case string(model.UseCharge), string(model.UseAuthorize):
		return fmt.Sprintf("enter: review the plan (%s) · tab: change the amount", set)
	}
	return "enter: review the plan"
}

// checkIDNumberFor checks the account or person an id number goes to.
func checkIDNumberFor(s string) *model.FieldError {
	return model.ValidateIDNumberFor(strings.TrimSpace(s))
}

func (u *useSpec) checkAmount(s string) error {
	n, err := strconv.ParseInt(strings.TrimSpace(s), 10, 64)
	if err != nil {
		return &model.FieldError{Type: model.TypeInvalidRequest, Code: "parameter_invalid_integer", Param: model.ParamAmount,
			Message: "the amount must be a whole number in the currency's smallest unit (1000 = 10.00 usd)"}
	}
	return fieldErr(model.ValidateAmount(n, u.currency))
}

func (u *useSpec) request() (model.UseRequest, error) {
	req := model.UseRequest{TokenID: u.tokenID, Kind: model.UseKind(u.kind)}
	if req.Kind == model.UsePaymentIntent && u.capture == "manual" {
		req.CaptureMethod = "manual"
	}
	if paysAmount(u.kind) {
		if err := u.checkAmount(u.amount); err != nil {
			return req, err
		}
		req.Amount, _ = strconv.ParseInt(strings.TrimSpace(u.amount), 10, 64)
		req.Currency = strings.ToLower(strings.TrimSpace(u.currency))
	}
	if req.Kind == model.UseIDNumber {
		req.IDNumberFor(strings.TrimSpace(u.account))
	}
	return req, model.ValidateUse(req)
}

// Use is the "use a token" flow: charge it, attach it to a new customer,
// make a PaymentMethod or pay a PaymentIntent with it, after a plan, and
// show what happened and what it did to the token; a PaymentIntent that
// waits for 3D Secure can be authenticated (or failed) from there.
type Use struct {
	scope
	// authing: the request in flight answers a 3D Secure challenge.
	authing bool
	pc      *common.ProgramContext
	rec     model.Record
	step    step
	form    *form[model.UseRequest]
	req     model.UseRequest
	plan    *planView
	spin    spinner.Model
	out     views.Outcome
	// shown is when the outcome came on screen; early says why an a or f
	// typed ahead of it did not answer the challenge (challengeguard.go).
	shown time.Time
	early string
	spec  *useSpec
	w, h  int
}

// UsesOf are the ways rec can be used, from its kind's registry entry;
// a kind tokenscope does not know is offered both. Empty: none yet (the
// shell says so instead of opening the flow).
func UsesOf(rec model.Record) []model.UseKind {
	if spec, ok := model.SpecOf(rec.Type); ok {
		return spec.Uses
	}
	return []model.UseKind{model.UseCharge, model.UseCustomer}
}

// NewUse starts the flow for rec at the form; rec must have a use
// (UsesOf).
func NewUse(pc *common.ProgramContext, rec model.Record) common.Component {
	u := &Use{scope: newScope(pc), pc: pc, rec: rec, step: stepForm, spin: newSpinner(pc.Styles), w: pc.Width, h: pc.Height}
	uses := UsesOf(rec)
	sp := &useSpec{tokenID: rec.ID, uses: uses, kind: string(uses[0]), amount: "1000", currency: "usd"}
	u.spec, u.form = sp, newForm[model.UseRequest](pc.Styles, sp, u.w, u.formHeight())
	return u
}

// Init implements tea.Model.
func (u *Use) Init() tea.Cmd { return u.form.huh.Init() }

// InFlight reports a charge or customer request on its way.
func (u *Use) InFlight() bool { return u.step == stepApply }

// Typing reports a text field with the focus (amount, currency).
func (u *Use) Typing() bool { return u.step == stepForm && u.form.typing() }

// SetSize implements common.Component.
func (u *Use) SetSize(w, h int) {
	u.w, u.h = w, h
	u.form.resize(w, u.formHeight())
	if u.plan != nil {
		u.plan.setSize(planSize(w, h))
	}
}

func (u *Use) formHeight() int { return max(u.h-8, 6) }

// Update implements tea.Model.
func (u *Use) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	if isQuit(msg) && !u.InFlight() {
		return u, u.cancelled()
	}
	k := u.pc.Keys
	switch u.step {
	case stepForm:
		if keyIs(msg, k.Back) {
			return u, u.cancelled()
		}
		req, review, cmd := u.form.update(msg, k.Review)
		if review {
			u.req, u.step = req, stepPlan
			name := u.rec.Preset
			if name == "" {
				name = "token"
			}
			w, h := planSize(u.w, u.h)
			u.plan = newPlanView(u.pc, w, h, model.PlanUse(name, u.req, u.note()...))
		}
		return u, cmd
	case stepPlan:
		switch {
		case keyIs(msg, k.Confirm) && u.plan.confirm():
			u.step = stepApply
			return u, tea.Batch(u.spin.Tick, u.apply())
		case keyIs(msg, k.Edit):
			u.step = stepForm
		default:
			return u, u.plan.update(msg)
		}
	case stepApply:
		if keyIs(msg, k.Cancel) {
			u.cancelRequest()
			return u, nil
		}
		r, ok, cmd := awaitReply(msg, u.id, &u.spin)
		if !ok {
			return u, cmd
		}
		if u.authing {
			// The challenge's answer: the PaymentIntent's new status and,
			// when it failed or was declined after, its error; or why it
			// could not be answered.
			u.authing = false
			u.step = stepFailed
			u.out.Err = r.err
			u.out.Use.Status = cmp.Or(r.use.Status, u.out.Use.Status)
			u.out.Use.RequestID = cmp.Or(r.use.RequestID, u.out.Use.RequestID)
			return u, nil
		}
		u.out = views.Outcome{Req: u.req, Use: r.use, Before: u.rec, After: r.rec, Err: r.err, TUI: true, Guest: u.pc.Guest}
		u.step, u.shown = stepFailed, u.pc.Now() // the outcome pane
		if r.rec.ID != "" {
			return u, changed(r.rec)
		}
	case stepFailed:
		if u.waitsForChallenge() && (keyIs(msg, k.Authenticate) || keyIs(msg, k.FailChallenge)) {
			if u.early = challengeEarly(u.pc, u.shown, msg); u.early != "" {
				return u, nil
			}
			u.step, u.authing = stepApply, true
			return u, tea.Batch(u.spin.Tick, u.authenticate(keyIs(msg, k.FailChallenge)))
		}
		if id, m := u.moveOffered(msg); m != "" {
			// The object's pane takes the flow's place, with the move's
			// form or plan open (objectmove.go): it verifies a bank
			// account, then shows the customer with p to charge it;
			// captures or cancels an authorized PaymentIntent.
			o := newMoveOn(u.pc, id, m)
			o.SetSize(u.w, u.h)
			u.Close()
			return o, o.Init()
		}
		if _, ok := msg.(tea.KeyMsg); ok {
			var rec *model.Record
			if u.out.After.ID != "" {
				rec = &u.out.After
			}
			return u, u.finish(rec, u.out.Status(), false)
		}
	}
	return u, nil
}

func (u *Use) apply() tea.Cmd {
	s, req := u.pc.Session, u.req
	return u.request(func(ctx context.Context) reply {
		use, rec, err := s.Use(ctx, req)
		return reply{use: use, rec: rec, err: err}
	})
}

// warning says, before any plan, that the token cannot be used any more;
// trying is still allowed, to see Stripe's own error. It wraps at spaces
// past its glyph (the body is indented one cell).
func (u *Use) warning() string {
	st := u.pc.Styles
	var style lipgloss.Style
	var glyph, text string
	switch {
	case u.rec.Gone:
		style, glyph, text = st.Gone, common.GlyphGone, " no longer exists at Stripe: using it will fail with resource_missing."
	case u.rec.Used:
		style, glyph, text = st.Used, common.GlyphUsed, " is already used: Stripe will refuse it with token_already_used."
	default:
		return ""
	}
	lines := common.Hang(glyph+" ", u.rec.ID+text, u.w-1)
	for i, l := range lines {
		lines[i] = style.Render(l)
	}
	return strings.Join(lines, "\n") + "\n" + st.Muted.Render("  You can still try, to see the error.")
}

// note is the expected outcome beside the plan's source.
func (u *Use) note() []string {
	if u.rec.Used {
		return []string{"already used: expected token_already_used"}
	}
	// The test card the token was made from, or (typed by hand before
	// the form named it) the one that stands for it.
	name, _, _ := model.TestDataOfRecord(u.rec, u.pc.Now())
	if p, ok := model.CardByName(name); ok && u.req.Kind == model.UsePaymentIntent {
		return []string{"test card " + p.Name + ", " + model.PaymentIntentExpect(p, u.req.CaptureMethod == "manual")}
	} else if ok {
		return []string{"test card " + p.Name + ", " + model.UseExpect(u.req, p)}
	}
	return nil
}

// View implements tea.Model.
func (u *Use) View() string {
	st := u.pc.Styles
	title := fmt.Sprintf(" Use %s  %s", u.rec.ID, st.Muted.Render(u.rec.Summary))
	var body string
	switch u.step {
	case stepForm:
		body = u.form.view() + "\n\n" + st.Muted.Render(common.Wrap(u.spec.hint(u.form.huh.GetFocusedField()), u.w-2))
		if w := u.warning(); w != "" {
			body = w + "\n\n" + body
		}
	case stepPlan:
		body = u.plan.view()
	case stepApply:
		verb := map[model.UseKind]string{
			model.UseCharge:        "Charging the token… POST /v1/charges",
			model.UseCustomer:      "Creating a customer… POST /v1/customers",
			model.UsePaymentMethod: "Making a PaymentMethod… POST /v1/payment_methods",
			model.UsePaymentIntent: "Paying a PaymentIntent… POST /v1/payment_methods, POST /v1/payment_intents",
			model.UseAuthorize:     "Authorizing a charge… POST /v1/charges capture=false",
			model.UseSetupIntent:   "Saving the card… POST /v1/payment_methods, POST /v1/customers, POST /v1/setup_intents",
		}[u.req.Kind]
		if u.authing {
			verb = "Answering the 3D Secure challenge…"
		}
		body = u.inFlight(u.spin.View(), verb+"  →  "+u.pc.Backend.Label())
	case stepFailed:
		close := "any key: close"
		if u.waitsForChallenge() {
			close = "a: complete the 3D Secure challenge · f: fail it · any other key: close"
		}
		if u.verifiable() != "" {
			close = "v: verify its bank account (micro-deposits 32, 45) · any other key: close"
		}
		if u.authorized() {
			close = "c: capture it · x: cancel it · any other key: close"
		}
		if u.held() {
			close = "c: capture it · b: release it · any other key: close"
		}
		if u.early != "" && u.waitsForChallenge() {
			close = common.Wrap(u.early, u.w-2) + "\n" + close
		}
		body = renderOutcome(st, u.out, u.w-1) + "\n\n" + st.Muted.Render(close)
	}
	return st.Header.Render(title) + "\n\n" + indent(body)
}

// ShortHelp implements help.KeyMap.
func (u *Use) ShortHelp() []key.Binding {
	k := u.pc.Keys
	switch u.step {
	case stepForm:
		return []key.Binding{k.NextField, k.PrevField, k.Review, k.Back}
	case stepPlan:
		return []key.Binding{k.Confirm, k.Edit}
	case stepApply:
		return []key.Binding{k.Cancel, k.Quit}
	}
	return nil
}

// FullHelp implements help.KeyMap.
func (u *Use) FullHelp() [][]key.Binding { return [][]key.Binding{u.ShortHelp()} }

// waitsForChallenge reports a PaymentIntent just made that waits for 3D
// Secure, which the outcome pane offers to answer.
func (u *Use) waitsForChallenge() bool {
	return u.out.Err == nil && (u.out.Use.Kind == model.UsePaymentIntent || u.out.Use.Kind == model.UseSetupIntent) && u.out.Use.Status == model.PIRequiresAction
}

// authenticate answers the challenge of the PaymentIntent the use made
// (answerChallenge, as the object pane does).
func (u *Use) authenticate(fail bool) tea.Cmd {
	answer := answerChallenge(u.pc, u.out.Use.ObjectID, fail)
	return u.request(func(ctx context.Context) reply {
		pi, err := answer(ctx)
		if err != nil {
			return reply{err: err}
		}
		// A failed challenge (or a decline after it) is the PaymentIntent's
		// last_payment_error, shown and explained as the CLI and a report
		// do (model.ChallengeError).
		if pe := model.ChallengeError(pi, fail); pe != nil {
			err = pe
		}
		return reply{use: model.Use{Status: pi.Fields().Get("status"), RequestID: pi.RequestID}, err: err}
	})
}

// moveOffered is the object and move the outcome's key msg opens in the
// object's pane: v on a customer whose bank account waits for its
// micro-deposits, c or x on an authorized PaymentIntent; m is "" for
// any other key.
func (u *Use) moveOffered(msg tea.Msg) (id string, m model.Move) {
	k := u.pc.Keys
	switch {
	case u.verifiable() != "" && keyIs(msg, k.Verify):
		return u.verifiable(), model.MoveVerify
	case u.authorized() && keyIs(msg, k.Capture):
		return u.out.Use.ObjectID, model.MoveCapture
	case u.authorized() && keyIs(msg, k.CancelIntent):
		return u.out.Use.ObjectID, model.MoveCancel
	case u.held() && keyIs(msg, k.Capture):
		return u.out.Use.ObjectID, model.MoveCapture
	case u.held() && keyIs(msg, k.Release):
		return u.out.Use.ObjectID, model.MoveRelease
	}
	return "", ""
}

// authorized reports a PaymentIntent just made with manual capture,
// waiting in requires_capture (after its challenge too).
func (u *Use) authorized() bool {
	return u.out.Err == nil && u.out.Use.Kind == model.UsePaymentIntent && u.out.Use.Status == model.PIRequiresCapture
}

// verifiable is the customer a bank token was just attached to, whose
// bank account waits for its micro-deposits: the outcome pane offers v.
func (u *Use) verifiable() string {
	if u.out.Err == nil && u.out.Use.Kind == model.UseCustomer && u.rec.Type == model.KindBank {
		return u.out.Use.ObjectID
	}
	return ""
}
