package scenario

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"slices"
	"strings"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/gohcl"

	"github.com/tokenscope/tokenscope/model"
)

// A token block may go on after its use, with steps on what the use made,
// in the order written:
//
//	token "threeds" {
//	  card { preset = "threeds_always" }
//	  use "payment_intent" { amount = 2000 }
//	  authenticate {}              # or { fail = true }
//	  refund { amount = 500 }
//	  refund {}                    # all that remains
//	}
//
// so a support engineer writes a whole 3D Secure, refund, dispute or bank
// story in one file. Each step refers to its token's use, as the use
// refers to its token: by where it is written. Each runs once: the token's
// record keeps the steps done (model.Record.Steps), and a later apply runs
// only those the record lacks.

// stepSpec is what one step takes and what it acts on. stepSpecs is the one
// list of them: the schema, the decoder and Export read it.
type stepSpec struct {
	// attrs are the arguments its block takes.
	attrs []string
	// after are the uses whose object it acts on.
	after []model.UseKind
	// what names that object, for diagnostics.
	what string
}

var stepSpecs = map[model.UseKind]stepSpec{
	model.StepAuthenticate: {attrs: []string{"fail"}, after: []model.UseKind{model.UsePaymentIntent, model.UseSetupIntent}, what: "the PaymentIntent (or SetupIntent) waiting for 3D Secure"},
	model.StepCapture:      {attrs: []string{"amount"}, after: []model.UseKind{model.UsePaymentIntent, model.UseAuthorize}, what: "the PaymentIntent waiting in requires_capture (or the authorization)"},
	model.StepCancel:       {after: []model.UseKind{model.UsePaymentIntent}, what: "the PaymentIntent"},
	model.StepRefund:       {attrs: []string{"amount"}, after: []model.UseKind{model.UseCharge, model.UsePaymentIntent, model.UseAuthorize}, what: "the charge (or the PaymentIntent's)"},
	model.StepDispute:      {attrs: []string{"evidence", "close"}, after: []model.UseKind{model.UseCharge, model.UsePaymentIntent}, what: "the dispute the charge opened"},
	model.StepVerify:       {attrs: []string{"amounts"}, after: []model.UseKind{model.UseCustomer}, what: "the bank account the customer holds"},
}

// stepKinds are the steps in the schema's order.
var stepKinds = []model.UseKind{model.StepAuthenticate, model.StepCapture, model.StepCancel, model.StepRefund, model.StepDispute, model.StepVerify}

// stepBlock is a step as written.
type stepBlock struct {
	kind  model.UseKind
	def   hcl.Range
	attrs hcl.Attributes
}

// decodeStep reads a step block's arguments against its kind's schema:
// hcl reports an argument the step does not take, with the one it likely
// meant.
func decodeStep(blk *hcl.Block) (stepBlock, hcl.Diagnostics) {
	kind := model.UseKind(blk.Type)
	s := &hcl.BodySchema{}
	for _, a := range stepSpecs[kind].attrs {
		s.Attributes = append(s.Attributes, hcl.AttributeSchema{Name: a})
	}
	content, diags := blk.Body.Content(s)
	return stepBlock{kind: kind, def: blk.DefRange, attrs: content.Attributes}, diags
}

// decodeSteps turns a token's step blocks into requests, checking each
// against the token and its use: a step needs a use that makes what it
// acts on, and a test card that does what it expects (a 3D Secure
// challenge to answer, a dispute to answer). Every error is reported.
func decodeSteps(tok Token, use *useBlock, blocks []stepBlock) ([]model.StepRequest, hcl.Diagnostics) {
	var (
		out   []model.StepRequest
		diags hcl.Diagnostics
	)
	unpaid, held := unpaidBy(tok), heldBy(tok)
	for _, sb := range blocks {
		req, d := decodeStepArgs(sb)
		diags = append(diags, d...)
		d = checkStep(tok, use, sb, req)
		switch {
		case d.HasErrors():
		case sb.kind == model.StepAuthenticate:
			unpaid = afterAuth(tok, req)
		case unpaid != "" && (sb.kind == model.StepRefund || sb.kind == model.StepCapture || sb.kind == model.StepDispute):
			d = hcl.Diagnostics{stepDiag("Unsupported step",
				fmt.Sprintf("There is no payment to %s here: %s.", sb.kind, unpaid), sb.def)}
		case sb.kind == model.StepCapture:
			held = ""
		case sb.kind == model.StepCancel:
			unpaid = "the cancel step before it released the authorization"
		case held != "" && sb.kind == model.StepRefund:
			d = hcl.Diagnostics{stepDiag("Unsupported step",
				fmt.Sprintf("There is nothing captured to refund here: %s.", held), sb.def)}
		}
		diags = append(diags, d...)
		out = append(out, req)
	}
	return out, diags
}

// unpaidBy says why a token's PaymentIntent use leaves nothing paid until
// a step answers its challenge ("" when its payment goes through).
func unpaidBy(tok Token) string {
	if card := cardOf(tok); card != nil && tok.Use != nil && tok.Use.Kind == model.UsePaymentIntent && card.Outcome.ThreeDS.Asks(false) {
		return "the PaymentIntent waits for 3D Secure: an authenticate {} step before this one completes it"
	}
	return ""
}

// heldBy says why a token's PaymentIntent use holds its money
// uncaptured until a capture step ("" when it is captured at once).
func heldBy(tok Token) string {
	if tok.Use != nil && tok.Use.Kind == model.UsePaymentIntent && tok.Use.CaptureMethod == "manual" {
		return `the PaymentIntent only holds the money (capture_method = "manual"): a capture {} step before this one takes it, or cancel {} releases it`
	}
	return ""
}

// afterAuth says why nothing is paid once an authenticate step answered
// the challenge ("" when the payment then goes through).
func afterAuth(tok Token, req model.StepRequest) string {
	if req.Fail {
		return "the authenticate step before it fails the challenge, which leaves the PaymentIntent in requires_payment_method"
	}
	if card := cardOf(tok); card != nil && card.Outcome.AfterAuth != nil && card.Outcome.AfterAuth.Declines() {
		return fmt.Sprintf("the %s card declines once authenticated (%s)", card.Name, card.Outcome.AfterAuth.Codes())
	}
	return ""
}

// cardOf is the test card a token is made of; nil for none.
func cardOf(tok Token) *model.CardPreset {
	if tok.Request.Card == nil {
		return nil
	}
	card, _ := model.CardByNumber(tok.Request.Card.Number)
	return card
}

// decodeStepArgs reads a step's arguments into its request.
func decodeStepArgs(sb stepBlock) (model.StepRequest, hcl.Diagnostics) {
	req := model.StepRequest{Kind: sb.kind}
	var diags hcl.Diagnostics
	if a, ok := sb.attrs["amount"]; ok {
		diags = append(diags, gohcl.DecodeExpression(a.Expr, nil, &req.Amount)...)
		if !diags.HasErrors() && req.Amount <= 0 {
			diags = append(diags, stepDiag("Invalid amount: parameter_invalid_integer",
				"amount: parameter_invalid_integer, a positive integer in the currency's smallest unit (leave amount out for all of it)", a.Range))
		}
	}
	if a, ok := sb.attrs["fail"]; ok {
		diags = append(diags, gohcl.DecodeExpression(a.Expr, nil, &req.Fail)...)
	}
	if a, ok := sb.attrs["evidence"]; ok {
		diags = append(diags, gohcl.DecodeExpression(a.Expr, nil, &req.Evidence)...)
		if fe := model.ValidateFreeText("evidence[uncategorized_text]", req.Evidence); fe != nil {
			diags = append(diags, fieldDiag("Invalid evidence", fe, nil, a.Range))
		} else if req.Evidence == "" {
			diags = append(diags, stepDiag("Invalid evidence", "evidence is the text submitted to the dispute ("+model.WinningEvidence+" or "+model.LosingEvidence+" in test mode); to accept the loss, write close = true instead.", a.Range))
		} else if magic := []string{model.WinningEvidence, model.LosingEvidence}; !slices.Contains(magic, req.Evidence) && model.DidYouMean(req.Evidence, magic) != "" {
			// Any text is evidence, but one a letter away from a test
			// word is a typo that would leave the dispute under review.
			diags = append(diags, stepDiag("Invalid evidence", model.Suggested("test mode decides a dispute only on "+model.WinningEvidence+" or "+model.LosingEvidence+"; other text leaves it under review.", req.Evidence, magic), a.Range))
		}
	}
	closeIt := false
	if a, ok := sb.attrs["close"]; ok {
		diags = append(diags, gohcl.DecodeExpression(a.Expr, nil, &closeIt)...)
	}
	if sb.kind == model.StepDispute && !diags.HasErrors() && (req.Evidence == "") == !closeIt {
		diags = append(diags, stepDiag("Invalid dispute step",
			"A dispute step answers the dispute with evidence = \""+model.WinningEvidence+"\" (or \""+model.LosingEvidence+"\"), or accepts the loss with close = true: one of the two.", sb.def))
	}
	req.Amounts = model.TestDeposits
	if a, ok := sb.attrs["amounts"]; ok {
		var amounts []int64
		diags = append(diags, gohcl.DecodeExpression(a.Expr, nil, &amounts)...)
		if !diags.HasErrors() {
			if len(amounts) != 2 {
				diags = append(diags, stepDiag("Invalid amounts", "amounts are the two micro-deposits, in cents: [32, 45] in test mode.", a.Range))
			} else {
				req.Amounts = [2]int64{amounts[0], amounts[1]}
				if err := model.ValidateVerify(model.VerifyRequest{Customer: "cus_x", Bank: "ba_x", Amounts: req.Amounts}); err != nil {
					diags = append(diags, fieldDiag("Invalid amounts", err, nil, a.Range))
				}
			}
		}
	}
	return req, diags
}

// checkStep checks a step against its token's use and test card.
func checkStep(tok Token, use *useBlock, sb stepBlock, req model.StepRequest) hcl.Diagnostics {
	spec := stepSpecs[sb.kind]
	after := make([]string, len(spec.after))
	for i, u := range spec.after {
		after[i] = fmt.Sprintf("use %q", u)
	}
	follows := strings.Join(after, " or ")
	switch {
	case use == nil:
		return hcl.Diagnostics{stepDiag("Step without a use",
			fmt.Sprintf("%s step acts on %s, which the token's use makes: add a %s block before it.", aStep(sb.kind), spec.what, follows), sb.def)}
	case tok.Use == nil:
		return nil // the use block has errors of its own
	case !slices.Contains(spec.after, tok.Use.Kind):
		return hcl.Diagnostics{stepDiag("Unsupported step",
			fmt.Sprintf("%s step acts on %s, which only %s makes; this token's use is %q.", aStep(sb.kind), spec.what, follows, tok.Use.Kind), sb.def)}
	case sb.kind == model.StepVerify && tok.Request.Kind != model.KindBank:
		return hcl.Diagnostics{stepDiag("Unsupported step",
			fmt.Sprintf("A verify step verifies the bank account a bank_account token gave the customer; this is a %s token.", tok.Request.Kind), sb.def)}
	case sb.kind == model.StepCapture && tok.Use.CaptureMethod != "manual" && tok.Use.Kind != model.UseAuthorize:
		return hcl.Diagnostics{stepDiag("Unsupported step",
			"A capture step captures a PaymentIntent that waits in requires_capture: give its use capture_method = \"manual\" (an automatic one is captured at once).", sb.def)}
	}
	if e, declines := tok.Expected(); declines {
		return hcl.Diagnostics{stepDiag("Unsupported step",
			fmt.Sprintf("This token's use declines (%s), so it makes nothing %s step can act on.", e, strings.ToLower(aStep(sb.kind)[:1])+aStep(sb.kind)[1:]), sb.def)}
	}
	card := cardOf(tok)
	switch {
	case card == nil:
	case sb.kind == model.StepAuthenticate && tok.Use.Kind == model.UseSetupIntent && !card.Outcome.ThreeDS.Asks(false):
		return hcl.Diagnostics{stepDiag("Unsupported step",
			fmt.Sprintf("The %s card asks for no 3D Secure when saved, so there is no challenge to answer.", card.Name), sb.def)}
	case sb.kind == model.StepAuthenticate && tok.Use.Kind != model.UseSetupIntent && !card.Outcome.ThreeDS.Asks(false):
		return hcl.Diagnostics{stepDiag("Unsupported step",
			fmt.Sprintf("The %s card asks for no 3D Secure on a PaymentIntent, so there is no challenge to answer; the cards that ask are %s.", card.Name, strings.Join(cardsWhere(func(o model.Outcome) bool { return o.ThreeDS.Asks(false) }), ", ")), sb.def)}
	case sb.kind == model.StepDispute && card.Outcome.Dispute == "":
		return hcl.Diagnostics{stepDiag("Unsupported step",
			fmt.Sprintf("The %s card opens no dispute; the cards that do are %s.", card.Name, strings.Join(cardsWhere(func(o model.Outcome) bool { return o.Dispute != "" }), ", ")), sb.def)}
	}
	return nil
}

// aStep is "A refund", "An authenticate".
func aStep(k model.UseKind) string {
	if strings.ContainsAny(string(k)[:1], "aeiou") {
		return "An " + string(k)
	}
	return "A " + string(k)
}

// cardsWhere names the test cards whose outcome is so.
func cardsWhere(is func(model.Outcome) bool) []string {
	var names []string
	for _, c := range model.Cards {
		if is(c.Outcome) {
			names = append(names, c.Name)
		}
	}
	return names
}

func stepDiag(summary, detail string, r hcl.Range) *hcl.Diagnostic {
	return &hcl.Diagnostic{Severity: hcl.DiagError, Summary: summary, Detail: detail, Subject: r.Ptr()}
}

// stepsDone is how many of steps the record's steps have done: the
// longest run, from the first, of recorded steps that are the file's.
// A step done by hand (tokenscope refund ...) counts when it is the one
// the file asks for next.
func stepsDone(steps []model.StepRequest, done []model.Use) int {
	n := 0
	for n < len(steps) && n < len(done) && sameStep(steps[n], done[n]) {
		n++
	}
	return n
}

// sameStep: a recorded step is the file's when its kind and arguments are.
func sameStep(s model.StepRequest, u model.Use) bool {
	if s.Kind != u.Kind {
		return false
	}
	switch s.Kind {
	case model.StepRefund, model.StepCapture:
		return s.Amount == u.Amount
	case model.StepAuthenticate:
		return s.Fail == u.Fail
	case model.StepDispute:
		return s.Evidence == u.Evidence
	}
	return true
}

// stepKey is the Idempotency-Key of a token's n-th step: derived from the
// token, the step's place and its arguments, so that an apply killed after
// the API answered and before the state recorded it sends the same key
// again and gets the same refund back instead of a second one (Stripe
// keeps a key 24 hours). Another token, place or argument is another key.
func stepKey(tokenID string, n int, s model.StepRequest) string {
	sum := sha256.Sum256(fmt.Appendf(nil, "%s\x00%d\x00%s\x00%d\x00%t\x00%s\x00%v", tokenID, n, s.Kind, s.Amount, s.Fail, s.Evidence, s.Amounts))
	return "tokenscope-step-" + hex.EncodeToString(sum[:16])
}
