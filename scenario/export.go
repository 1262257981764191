package scenario

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode"

	"github.com/hashicorp/hcl/v2/hclsyntax"
	"github.com/hashicorp/hcl/v2/hclwrite"
	"github.com/zclconf/go-cty/cty"

	"github.com/tokenscope/tokenscope/model"
)

// Export writes a workspace's tokens as a scenario file which, applied in
// an empty state dir (or on another machine), makes the same tokens with
// the same test data and runs the same first use of each, declines and
// all: as Terraform's -generate-config-out writes the configuration of
// what exists. A token is written by the preset it was made from, or the
// published test data that stands for it (same brand and last 4, see
// model.TestDataOfRecord); any other is named in a comment and left out,
// as is a token of a kind tokenscope does not make. tokens are as the
// state keeps them, newest first; the file makes them oldest first.
// charges are the charges of customers the log holds
// (model.CustomerCharges): a scenario has no step that charges a
// customer, so those of a token's customer are comments in its block,
// with the command that charges one by hand.
func Export(tokens []model.Record, charges map[string][]model.Use, now time.Time) (src []byte, written, left int) {
	f := hclwrite.NewEmptyFile()
	body := f.Body()
	comment(body, "Exported by tokenscope state export on "+now.UTC().Format("2006-01-02 15:04 UTC")+".",
		"Apply it in an empty state dir: tokenscope apply FILE")
	names := map[string]bool{}
	for _, r := range slices.Backward(tokens) {
		body.AppendNewline()
		what := commentText(r.ID + " (" + string(r.Type) + ", " + r.Summary + ")")
		preset, exact, ok := model.TestDataOfRecord(r, now)
		k, _ := model.SpecOf(r.Type)
		switch {
		case !ok && (k == nil || k.Create == nil || len(k.Create.Presets) == 0):
			comment(body, what+" is left out: a scenario makes "+string(r.Type)+" tokens from inputs Stripe does not return, so none is known.")
		case !ok:
			comment(body, what+" is left out: no published test data has its brand and last 4.")
		case exact:
			comment(body, "from "+what)
		default:
			comment(body, "from "+what+", typed by hand:",
				"written as "+preset+", the published test data with its brand and last 4.")
		}
		if !ok {
			left++
			continue
		}
		name := blockName(r, preset, names)
		block := exportBlock(name, k.Kind, preset, r.Uses, r.Steps, now)
		writeCustomerCharges(block.Body(), r.Uses, charges)
		body.AppendBlock(block)
		written++
	}
	return f.Bytes(), written, left
}

// exportBlock is a token's block: its test data, its first use and the
// steps after it, each later use as a comment. What this tokenscope's
// scenarios cannot run (the decoder refuses the block) is a comment too,
// saying why, so the file always applies: the steps from the first one
// refused on, then, if the use itself is refused, the use.
func exportBlock(name string, kind model.Kind, preset string, uses, steps []model.Use, now time.Time) *hclwrite.Block {
	block := func(withUse bool, nSteps int) *hclwrite.Block {
		b := hclwrite.NewBlock("token", []string{name})
		tb := b.Body()
		tb.AppendNewBlock(string(kind), nil).Body().SetAttributeValue(presetAttr, cty.StringVal(preset))
		if len(uses) == 0 {
			return b
		}
		if withUse {
			writeUse(tb, uses[0], steps)
			for _, st := range steps[:nSteps] {
				writeStep(tb, st)
			}
		}
		for _, u := range uses[1:] {
			comment(tb, commentText("then "+string(u.Kind)+": "+useOutcome(u)+" (a scenario token runs one use)"))
		}
		return b
	}
	refused := func(b *hclwrite.Block) (string, bool) {
		one := hclwrite.NewEmptyFile()
		one.Body().AppendBlock(b)
		_, diags := parse("export", one.Bytes(), now)
		if diags.HasErrors() {
			return diags[0].Detail, true
		}
		return "", false
	}
	if len(uses) == 0 {
		return block(false, 0)
	}
	why := ""
	for n := len(steps); n >= 0; n-- {
		b := block(true, n)
		w, bad := refused(b)
		if !bad {
			for _, st := range steps[n:] {
				comment(b.Body(), commentText("then "+model.StepOutcome(st)+", which a scenario cannot run here: "+why))
			}
			return b
		}
		why = w
	}
	b := block(false, 0)
	comment(b.Body(), commentText("was used by "+string(uses[0].Kind)+" ("+useOutcome(uses[0])+"), which a scenario cannot run: "+why))
	if next := nextStep(uses[0]); next != "" {
		comment(b.Body(), commentText("to do it by hand: "+next))
	}
	return b
}

// writeCustomerCharges notes the charges of the customers a token's uses
// made, which a scenario cannot run.
func writeCustomerCharges(tb *hclwrite.Body, uses []model.Use, charges map[string][]model.Use) {
	for _, u := range uses {
		if u.Kind != model.UseCustomer {
			continue
		}
		for _, ch := range charges[u.ObjectID] {
			amount := model.FormatAmount(ch.Amount, ch.Currency)
			comment(tb, commentText("then a charge of its customer, "+amount+" ("+ch.ObjectID+"): "+useOutcome(ch)+
				"; a scenario has no step that charges a customer: once applied, run tokenscope use CUS --charge "+
				strconv.FormatInt(ch.Amount, 10)+" --currency "+ch.Currency+" on the customer its use makes"))
		}
	}
}

// nextStep is what to do instead of a use that failed, as the error's
// explanation says it ("" when it did not fail or says nothing).
func nextStep(u model.Use) string {
	if u.Code == "" {
		return ""
	}
	x := &model.Error{Code: u.Code, DeclineCode: u.DeclineCode}
	x.Explain()
	return x.Next
}

// writeUse writes a token's use block, with what it got as a comment,
// taking the arguments its step takes (useSteps). A PaymentIntent left
// waiting for 3D Secure with no step after it is noted: an authenticate
// step would answer it.
func writeUse(tb *hclwrite.Body, u model.Use, steps []model.Use) {
	stepped := len(steps) > 0
	comment(tb, commentText("was: "+useAnswer(u, steps)))
	step := useSteps[u.Kind]
	ub := tb.AppendNewBlock("use", []string{string(u.Kind)}).Body()
	if step.amount && u.Amount > 0 {
		ub.SetAttributeValue("amount", cty.NumberIntVal(u.Amount))
		ub.SetAttributeValue("currency", cty.StringVal(u.Currency))
	}
	capture := u.CaptureMethod
	if capture == "" && u.Status == model.PIRequiresCapture {
		capture = "manual" // recorded before the capture method was
	}
	if step.intent && capture != "" {
		ub.SetAttributeValue("capture_method", cty.StringVal(capture))
	}
	if u.Kind == model.UsePaymentIntent && u.Status == model.PIRequiresAction && !stepped {
		comment(tb, "it waits for 3D Secure: authenticate {} (or { fail = true }) after this use answers it")
	}
}

// writeStep writes a step the token's record keeps, with what it got as
// a comment, taking the arguments its kind takes (stepSpecs).
func writeStep(tb *hclwrite.Body, u model.Use) {
	comment(tb, commentText("was: "+useOutcome(u)))
	sb := tb.AppendNewBlock(string(u.Kind), nil).Body()
	switch u.Kind {
	case model.StepAuthenticate:
		if u.Fail {
			sb.SetAttributeValue("fail", cty.True)
		}
	case model.StepRefund, model.StepCapture:
		if u.Amount > 0 {
			sb.SetAttributeValue("amount", cty.NumberIntVal(u.Amount))
		}
	case model.StepDispute:
		if u.Evidence == "" {
			sb.SetAttributeValue("close", cty.True)
		} else {
			sb.SetAttributeValue("evidence", cty.StringVal(u.Evidence))
		}
	}
}

// useAnswer is what a use itself got. A PaymentIntent's (or
// SetupIntent's) use follows its intent (model.Use.FollowPaymentIntent),
// so after an authenticate, capture or cancel step its status is the
// step's: the use got the status that step needed (requires_action,
// requires_capture), or, before a cancel, one the record no longer
// holds, and the comment says it is the status after the steps.
func useAnswer(u model.Use, steps []model.Use) string {
	if u.Kind != model.UsePaymentIntent && u.Kind != model.UseSetupIntent {
		return useOutcome(u)
	}
	for _, st := range steps {
		switch st.Kind {
		case model.StepAuthenticate:
			return model.PIRequiresAction
		case model.StepCapture:
			return model.PIRequiresCapture
		case model.StepCancel:
			return useOutcome(u) + ", after the steps below"
		}
	}
	return useOutcome(u)
}

// useOutcome is what a use got: its status and codes.
func useOutcome(u model.Use) string {
	codes := strings.Join(slices.DeleteFunc([]string{u.Code, u.DeclineCode}, func(s string) bool { return s == "" }), " / ")
	if codes == "" {
		return u.Status
	}
	return u.Status + ": " + codes
}

// blockName names a token's block: the block it was made by (Scenario is
// "<file or pack>/<block>": the file's name glued on read as
// "pack3dsthreeds_always"), else its test data, made unique with a
// number.
func blockName(r model.Record, preset string, taken map[string]bool) string {
	base := identifier(r.Scenario[strings.LastIndex(r.Scenario, "/")+1:])
	if base == "" {
		base = preset
	}
	name := base
	for n := 2; taken[name]; n++ {
		name = fmt.Sprintf("%s_%d", base, n)
	}
	taken[name] = true
	return name
}

// identifier keeps the letters, digits, _ and - of s: a block name read
// back from the state must not break the file.
func identifier(s string) string {
	return strings.Map(func(r rune) rune {
		if r < unicode.MaxASCII && (unicode.IsLetter(r) || unicode.IsDigit(r) || r == '_' || r == '-') {
			return r
		}
		return -1
	}, s)
}

// commentText keeps a value read from the state to one printable line.
func commentText(s string) string {
	return strings.Map(func(r rune) rune {
		if unicode.IsControl(r) {
			return -1
		}
		return r
	}, s)
}

// comment appends "# line" for each line.
func comment(b *hclwrite.Body, lines ...string) {
	for _, l := range lines {
		b.AppendUnstructuredTokens(hclwrite.Tokens{{Type: hclsyntax.TokenComment, Bytes: []byte("# " + l + "\n")}})
	}
}
