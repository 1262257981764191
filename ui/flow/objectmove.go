package flow

import (
	"context"
	"strconv"
	"strings"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/huh"

	"github.com/tokenscope/tokenscope/model"
	"github.com/tokenscope/tokenscope/ui/common"
	"github.com/tokenscope/tokenscope/views"
)

// The moves of an object pane (model.Move) other than the 3D Secure
// answer, which a and f send at once (the customer's click on the bank's
// test page, not a request of the user's; the README says so): each asks
// what it needs in a small form (an amount, a currency, the evidence),
// shows its plan, and is sent only on an enter that came once the plan
// could be read (planView.confirm), as every write of tokenscope is.

// moveKey is the key of a move; a and f both answer a challenge.
func moveKey(k *common.KeyMap, m model.Move) key.Binding {
	return map[model.Move]key.Binding{
		model.MoveAuthenticate: k.Authenticate,
		model.MoveCapture:      k.Capture,
		model.MoveCancel:       k.CancelIntent,
		model.MoveRefund:       k.Refund,
		model.MoveRelease:      k.Release,
		model.MoveAnswer:       k.AnswerDispute,
		model.MoveVerify:       k.Verify,
		model.MoveCharge:       k.ChargeCustomer,
	}[m]
}

// moveTitles head a move's form and plan: "Capture pi_…".
var moveTitles = map[model.Move]string{
	model.MoveCapture: "Capture", model.MoveCancel: "Cancel", model.MoveRefund: "Refund", model.MoveRelease: "Release",
	model.MoveAnswer: "Answer", model.MoveVerify: "Verify", model.MoveCharge: "Charge",
}

// Answers to a dispute, as the form offers them.
const answerClose = "close"

// moveSpec is a move's form. Its values outlive the form, so a form left
// with esc opens again as it was typed.
type moveSpec struct {
	move             model.Move
	amount, currency string
	first, second    string // a verification's micro-deposits
	answer           string // winning_evidence, losing_evidence or close
	answerSel        *huh.Select[string]
	// most is what there is to capture or refund, in mostCur; the
	// amount's field is titled amountTitle, hinted by amountHint and
	// refused as amountParam (amount_to_capture for a capture).
	most                    int64
	mostCur, amountParam    string
	amountTitle, amountHint string
}

// newMoveSpec is the form of move m on s, filled with what the move
// takes when nothing is typed: all there is to capture or refund, the
// test micro-deposits, winning evidence.
func newMoveSpec(m model.Move, s model.Subject) *moveSpec {
	sp := &moveSpec{move: m, currency: "usd", amount: "1000", answer: model.WinningEvidence,
		first: "32", second: "45", amountParam: model.ParamAmount, amountTitle: "Amount"}
	switch m {
	case model.MoveCapture:
		sp.most, sp.mostCur = s.Capturable()
		sp.amountParam, sp.amountTitle = "amount_to_capture", "Capture"
		if s.Uncaptured() {
			sp.amountParam = model.ParamAmount // a charge's capture takes amount
		}
		sp.amountHint = "at most " + model.FormatAmount(sp.most, sp.mostCur) + "; less releases the rest"
	case model.MoveRefund:
		sp.most, sp.mostCur = s.Refundable()
		sp.amountTitle = "Refund"
		sp.amountHint = model.FormatAmount(sp.most, sp.mostCur) + " remains; less is a partial refund"
	case model.MoveCharge:
		if s.Related != nil && s.Related.Get("currency") != "" {
			sp.currency = s.Related.Get("currency")
		}
		sp.amountHint = "in the smallest unit: 1000 = 10.00 " + sp.currency
	}
	if sp.most > 0 {
		sp.amount = strconv.FormatInt(sp.most, 10)
	}
	return sp
}

// hasForm reports a move that asks something first: all but cancel and
// release (all of an authorization: Stripe refunds none of it in part).
func (sp *moveSpec) hasForm() bool {
	return sp.move != model.MoveCancel && sp.move != model.MoveRelease
}

func (sp *moveSpec) groups(_, width int) []*huh.Group {
	switch sp.move {
	case model.MoveAnswer:
		sp.answerSel = huh.NewSelect[string]().Title("Answer the dispute").Options(
			huh.NewOption("winning_evidence   test mode: the dispute is won", model.WinningEvidence),
			huh.NewOption("losing_evidence    test mode: the dispute is lost", model.LosingEvidence),
			huh.NewOption("close              accept the loss", answerClose),
		).Value(&sp.answer)
		return []*huh.Group{huh.NewGroup(sp.answerSel)}
	case model.MoveVerify:
		return []*huh.Group{huh.NewGroup(
			input("Deposit 1", model.MaxAmountLen, &sp.first, sp.checkDeposit),
			input("Deposit 2", model.MaxAmountLen, &sp.second, sp.checkDeposit),
		).Description("the two micro-deposits, in cents (test mode: 32 and 45; others fail)")}
	}
	amount := input(sp.amountTitle, model.MaxAmountLen, &sp.amount, sp.checkAmount)
	if sp.move == model.MoveCharge {
		return []*huh.Group{huh.NewGroup(amount, input("Currency", model.MaxCurrencyLen, &sp.currency, check(model.ValidateCurrency))).
			Description(sp.amountHint)}
	}
	return []*huh.Group{huh.NewGroup(amount).Description("in the smallest unit: " + sp.amountHint)}
}

func (sp *moveSpec) sync() bool { return false }

func (sp *moveSpec) cur() string {
	if sp.move == model.MoveCharge {
		return strings.ToLower(strings.TrimSpace(sp.currency))
	}
	return sp.mostCur
}

func (sp *moveSpec) checkAmount(s string) error {
	_, fe := sp.parseAmount(s)
	return fieldErr(fe)
}

// parseAmount reads the amount typed as the CLI reads its flag.
func (sp *moveSpec) parseAmount(s string) (int64, *model.FieldError) {
	n, fe := model.ParseAmount(sp.amountParam, s)
	if fe != nil {
		return 0, fe
	}
	if sp.cur() != "" {
		fe = model.ValidateAmount(n, sp.cur())
	}
	return n, fe
}

// checkDeposit refuses a micro-deposit that is not a whole number of
// cents, in the verification's words (the amount's example, "500 is 5.00
// usd", says nothing of deposits).
func (sp *moveSpec) checkDeposit(s string) error {
	_, fe := parseDeposit(s)
	return fieldErr(fe)
}

func parseDeposit(s string) (int64, *model.FieldError) {
	n, fe := model.ParseAmount("amounts", s)
	if fe != nil {
		fe.Message = "each deposit is a whole number of cents, at least 1 (test mode: 32 and 45)"
	}
	return n, fe
}

// request is the move's input, checked as the CLI checks its flags. An
// amount over what there is goes through: Stripe's amount_too_large, and
// its explanation, are worth seeing (the plan says it is expected). A
// refusal is the check's own error, which the form words once (formError).
func (sp *moveSpec) request() (model.MoveInput, error) {
	var in model.MoveInput
	switch sp.move {
	case model.MoveAnswer:
		if v, ok := sp.answerSel.GetValue().(string); ok {
			sp.answer = v
		}
		if sp.answer == answerClose {
			in.Close = true
		} else {
			in.Evidence = sp.answer
		}
	case model.MoveVerify:
		for i, s := range []string{sp.first, sp.second} {
			n, fe := parseDeposit(s)
			if fe != nil {
				return in, fe
			}
			in.Amounts[i] = n
		}
	case model.MoveCancel, model.MoveRelease:
	default:
		if sp.move == model.MoveCharge {
			// The currency's field checks it when left by tab; enter
			// reviews from any field, so it is checked here too.
			if fe := model.ValidateCurrency(sp.cur()); fe != nil {
				return in, fe
			}
		}
		n, fe := sp.parseAmount(sp.amount)
		if fe != nil {
			return in, fe
		}
		in.Amount, in.Currency = n, sp.cur()
	}
	return in, nil
}

// moving is a move under way in the pane: its form (none for cancel),
// then its plan (nil while the form is shown).
type moving struct {
	move model.Move
	spec *moveSpec
	form *form[model.MoveInput]
	in   model.MoveInput
	plan *planView
}

// startMove opens move m: its form, or its plan when it asks nothing.
// A form left with esc comes back as it was typed.
func (o *Object) startMove(m model.Move) tea.Cmd {
	sp := o.specs[m]
	if sp == nil {
		sp = newMoveSpec(m, o.subject())
		o.specs[m] = sp
	}
	o.mv = &moving{move: m, spec: sp}
	o.err, o.note = nil, ""
	if !sp.hasForm() {
		o.showPlan()
		return nil
	}
	o.mv.form = newForm[model.MoveInput](o.pc.Styles, sp, o.w-2, o.moveHeight())
	return o.mv.form.huh.Init()
}

// moveHeight is the room under the pane's title for a form or a plan.
func (o *Object) moveHeight() int { return max(o.h-4, 6) }

// showPlan shows the plan of the move with its input, in all the pane
// has under its title (moveHeight keeps two rows for a form's hint).
func (o *Object) showPlan() {
	w, h := planSize(o.w, o.h)
	o.mv.plan = newPlanView(o.pc, w, h, model.PlanMove(o.mv.move, o.subject(), o.mv.in)...)
}

// updateMove handles a key while a move's form or plan is shown: esc
// goes back a step (plan to form, form to the pane), enter goes on; an
// enter typed ahead with the keys that opened the plan (x enter in one
// write) does not apply it (planView.confirm), as in every plan.
func (o *Object) updateMove(msg tea.Msg) tea.Cmd {
	k, mv := o.pc.Keys, o.mv
	if mv.plan != nil {
		switch {
		case keyIs(msg, k.Confirm) && mv.plan.confirm():
			return o.send(actMove)
		case keyIs(msg, k.Edit):
			mv.plan = nil
			if mv.form == nil {
				o.mv = nil
			}
			return nil
		}
		return mv.plan.update(msg)
	}
	if keyIs(msg, k.Back) {
		o.mv = nil
		return nil
	}
	in, review, cmd := mv.form.update(msg, k.Review)
	if review {
		mv.in = in
		o.showPlan()
	}
	return cmd
}

// runMove is the request of the move under way, through the session as
// the CLI sends it.
func (o *Object) runMove() func(ctx context.Context) (model.Object, error) {
	s, subj, m, in := o.pc.Session, o.subject(), o.mv.move, o.mv.in
	switch m {
	case model.MoveCapture:
		return func(ctx context.Context) (model.Object, error) { return s.Capture(ctx, subj.ID, in.Amount) }
	case model.MoveCancel:
		return func(ctx context.Context) (model.Object, error) { return s.Cancel(ctx, subj.ID) }
	case model.MoveRefund, model.MoveRelease:
		req := model.RefundRequest{Of: subj.ID, Amount: in.Amount}
		return func(ctx context.Context) (model.Object, error) { return s.Refund(ctx, req) }
	case model.MoveAnswer:
		return func(ctx context.Context) (model.Object, error) { return s.Answer(ctx, subj.ID, in.Evidence, in.Close) }
	case model.MoveVerify:
		cus, ba, _ := subj.Bank()
		req := model.VerifyRequest{Customer: cus, Bank: ba, Amounts: in.Amounts}
		return func(ctx context.Context) (model.Object, error) { return s.Verify(ctx, req) }
	}
	req := model.CustomerCharge{Customer: subj.Customer(), Amount: in.Amount, Currency: in.Currency}
	return func(ctx context.Context) (model.Object, error) { return s.ChargeCustomer(ctx, req) }
}

// moved says what a move did, from the object it answered with.
func moved(m model.Move, in model.MoveInput, got model.Object) string {
	f := got.Fields()
	switch m {
	case model.MoveCapture:
		if f.Get("object") == "charge" {
			return "captured " + model.FormatAmount(intOf(f.Get("amount_captured")), f.Get("currency")) + ": " + model.ChargeStateOf(f)
		}
		return "captured " + model.FormatAmount(intOf(f.Get("amount_received")), f.Get("currency")) + ": " + f.Get("status")
	case model.MoveRelease:
		return "released: " + views.NewObject(got).Headline("")
	case model.MoveCancel:
		return "canceled " + got.ID // its status row says what that means
	case model.MoveRefund:
		// The headline says the refund's status ("10.00 usd refund
		// pending"); "refunded" only of one that succeeded.
		head := views.NewObject(got).Headline("")
		if f.Get("status") != "succeeded" {
			return head
		}
		return "refunded: " + head
	case model.MoveAnswer:
		return "dispute answered: " + f.Get("status")
	case model.MoveVerify:
		return "verified " + got.ID + " with " + strconv.FormatInt(in.Amounts[0], 10) + " and " + strconv.FormatInt(in.Amounts[1], 10) + ": " + f.Get("status")
	}
	return "charged " + model.FormatAmount(in.Amount, in.Currency) + ": " + views.NewObject(got).Headline("")
}

// movingText says what the move in flight sends.
func movingText(m model.Move, plan []model.Change) string {
	verb := map[model.Move]string{
		model.MoveCapture: "Capturing…", model.MoveCancel: "Canceling…", model.MoveRefund: "Refunding…", model.MoveRelease: "Releasing…",
		model.MoveAnswer: "Answering the dispute…", model.MoveVerify: "Verifying…", model.MoveCharge: "Charging…",
	}[m]
	if len(plan) > 0 {
		verb += " " + plan[0].Request
	}
	return verb
}

// viewMove is the form or plan of the move under way.
func (o *Object) viewMove() string {
	st := o.pc.Styles
	title := " " + moveTitles[o.mv.move] + " " + o.objID
	if _, ba, _ := o.subject().Bank(); o.mv.move == model.MoveVerify && ba != o.objID {
		title += "'s bank account " + ba
	}
	if o.mv.plan != nil {
		return st.Header.Render(title) + "\n\n" + indent(o.mv.plan.view())
	}
	return st.Header.Render(title) + "\n\n" + indent(o.mv.form.view()+"\n\n"+st.Muted.Render("enter: review the plan · esc: back"))
}

func intOf(s string) int64 {
	n, _ := strconv.ParseInt(s, 10, 64)
	return n
}
