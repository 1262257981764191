package views

import (
	"cmp"
	"fmt"
	"io"
	"strings"
	"text/tabwriter"

	"github.com/tokenscope/tokenscope/model"
)

// Outcome is what using a token did: the charge or customer made, the
// error when it failed, and the token before and as re-read after.
type Outcome struct {
	Req           model.UseRequest
	Use           model.Use
	Before, After model.Record
	Err           error
	// TUI: shown in the TUI, whose next steps are keys, not flags
	// (Error.InTUI).
	TUI bool
	// Guest: shown to a guest of tokenscope serve, whose error names no
	// server path, pid or server command (Error.ForGuest).
	Guest bool
}

// Segment is a run of text of one Kind within a line.
type Segment struct {
	Kind Kind
	Text string
}

// Text joins segments as plain text.
func Text(segs []Segment) string {
	var b strings.Builder
	for _, s := range segs {
		b.WriteString(s.Text)
	}
	return b.String()
}

// noun names what the use makes: "charge", "customer", "PaymentIntent".
func (o Outcome) noun() string {
	switch o.Req.Kind {
	case model.UseIDNumber:
		if o.Req.Person != "" {
			return "person"
		}
		return "account"
	case model.UseAccount:
		return "account"
	case model.UseCustomer:
		return "customer"
	case model.UsePaymentMethod:
		return "PaymentMethod"
	case model.UsePaymentIntent:
		return "PaymentIntent"
	case model.UseSetupIntent:
		return "SetupIntent"
	}
	return "charge"
}

// Headline is "charge succeeded", "charge declined", "customer failed".
func (o Outcome) Headline() string {
	switch e, _ := model.AsError(o.Err); {
	case o.Err == nil && (o.Req.Kind == model.UseCustomer || o.Req.Kind == model.UsePaymentMethod):
		return o.noun() + " created"
	case o.Err == nil && connectUse(o.Req.Kind):
		return o.noun() + " " + o.Use.Status
	case o.Err == nil:
		return o.noun() + " " + o.Use.Status
	case e != nil && e.Type == model.TypeCardError:
		return o.noun() + " declined"
	case e != nil && e.Code == model.CodePIAuthenticationFailure:
		return o.noun() + " authentication failed"
	}
	return o.noun() + " failed"
}

// HeadKind is the headline's kind: made, or failed.
func (o Outcome) HeadKind() Kind {
	if o.Err != nil {
		return Failed
	}
	return Create
}

// objectID is what the use made, the failed charge of a decline too.
func (o Outcome) objectID() string {
	if id := o.Use.ObjectID; id != "" {
		return id
	}
	if e, ok := model.AsError(o.Err); ok {
		return e.Charge
	}
	return ""
}

// IDs are the object and request ids, "ch_… · req_…".
func (o Outcome) IDs() string {
	reqID := o.Use.RequestID
	if e, ok := model.AsError(o.Err); ok && reqID == "" {
		reqID = e.RequestID
	}
	return Clean(strings.Join(nonEmpty([]string{o.objectID(), reqID}), " · "))
}

// Status is the outcome in one line, for a status bar: "charge
// declined: card_declined / insufficient_funds (ch_… · req_…)".
func (o Outcome) Status() string {
	s := o.Headline()
	if e, ok := model.AsError(o.Err); ok {
		s += ": " + model.Outcome{Code: e.Code, DeclineCode: e.DeclineCode}.Codes()
	} else if o.Err != nil {
		s += ": " + o.Err.Error()
	}
	if ids := o.IDs(); ids != "" {
		s += " (" + ids + ")"
	}
	return Clean(s)
}

// Fields are what happened and why, under the headline: the status and
// amount of a success and what the test card is expected to do, or the
// error's fields but those beside the headline already (type, charge,
// request id), explained from the catalog when the error came without.
func (o Outcome) Fields() []Field {
	card, isCard := model.CardByName(cmp.Or(o.Before.Preset, o.After.Preset))
	if o.Err == nil {
		out := []Field{{Label: "status", Value: o.Use.Status}}
		if why := model.PaymentIntentStatusNote(o.Use.Status); o.Req.Kind == model.UsePaymentIntent && why != "" {
			out[0].Value += ": " + why
		}
		if why := model.SetupIntentStatusNote(o.Use.Status); o.Req.Kind == model.UseSetupIntent && why != "" {
			out[0].Value += ": " + why
		}
		if o.Req.Kind == model.UseCharge || o.Req.Kind == model.UsePaymentIntent || o.Req.Kind == model.UseAuthorize {
			out = append(out, Field{Label: "amount", Value: model.FormatAmount(o.Use.Amount, o.Use.Currency)})
		}
		if savesOrHolds(o.Req.Kind) {
			return pathsAreLabels(append(out, o.laterFields(card, isCard)...))
		}
		if o.Use.PaymentMethod != "" {
			out = append(out, Field{Label: "method", Value: Clean(o.Use.PaymentMethod)})
		}
		if o.Use.Charge != "" {
			out = append(out, Field{Label: "charge", Value: Clean(o.Use.Charge)})
		}
		switch {
		case isCard && o.Req.Kind == model.UsePaymentIntent:
			out = append(out, Field{Label: "outcome", Value: model.PaymentIntentExpect(card, o.Req.CaptureMethod == "manual")})
		case isCard:
			out = append(out, Field{Label: "outcome", Value: card.Expect})
		}
		next := NextStep(o.Use.ObjectID, o.Use.Status)
		if o.TUI {
			next = NextKeys(o.Use.Status)
		}
		if o.Req.Kind == model.UsePaymentIntent && next != "" {
			out = append(out, Field{Label: "next", Value: Clean(next)})
		}
		return pathsAreLabels(out)
	}
	var out []Field
	why := false
	e := NewError(o.Err)
	if o.TUI {
		e = e.InTUI()
	}
	if o.Guest {
		e = e.ForGuest()
	}
	// The test card's own words explain what Stripe answered about it,
	// not a fault of tokenscope's (a held state lock) before anything
	// was sent.
	cardWhy := isCard && card.Explain != "" && e.Stripe != nil
	for _, f := range e.Fields() {
		switch f.Label {
		case "charge", "request id": // beside the headline
			continue
		case "payment_intent":
			if f.Value == Clean(o.objectID()) {
				continue // beside the headline too
			}
		case "why":
			why = true
			if ownDecline(card, isCard, e.Stripe) {
				// The decline code's explanation names the catalog's first
				// card with that code (••••9995 for insufficient_funds);
				// the card used has its own words.
				f.Value = card.Explain
			}
		case "next":
			if !why && cardWhy {
				out, why = append(out, Field{Label: "why", Value: card.Explain}), true
			}
		}
		out = append(out, f)
	}
	if !why && cardWhy {
		out = append(out, Field{Label: "why", Value: card.Explain})
	}
	return pathsAreLabels(out)
}

// ownDecline reports a decline the test card used is made to give, at
// once or after 3D Secure, where the card has an explanation of its own.
func ownDecline(card *model.CardPreset, isCard bool, e *model.Error) bool {
	if !isCard || card.Explain == "" || e == nil || e.DeclineCode == "" {
		return false
	}
	o := card.Outcome
	return o.DeclineCode == e.DeclineCode || (o.AfterAuth != nil && o.AfterAuth.DeclineCode == e.DeclineCode)
}

func pathsAreLabels(fs []Field) []Field {
	for i := range fs {
		fs[i].Path = fs[i].Label
	}
	return fs
}

// TokenLine says what the use did to the token, its status a segment of
// its own kind.
func (o Outcome) TokenLine() []Segment {
	code := ""
	if e, ok := model.AsError(o.Err); ok {
		code = e.Code
	}
	id := Clean(o.After.ID)
	switch {
	case o.After.ID == "" && model.MagicTokens[o.Req.TokenID] != nil:
		return []Segment{{Text: Clean(o.Req.TokenID) + " is a magic test token: Stripe makes a fresh token from it on every use."}}
	case o.After.ID == "":
		return []Segment{{Text: Clean(o.Req.TokenID) + " was not re-read: refresh it to see whether it is used."}}
	case o.After.Gone:
		return []Segment{{Text: id + " "}, {Kind: Gone, Text: "no longer exists"}, {Text: " (resource_missing): make a new token."}}
	case o.After.Used && code == model.CodeTokenAlreadyUsed:
		return []Segment{{Text: id + " was already "}, {Kind: Used, Text: UsedWord(true)}, {Text: ": a new token is needed to try again."}}
	case o.After.Used:
		return []Segment{{Text: id + " is now "}, {Kind: Used, Text: UsedWord(true)}, {Text: ": a new token is needed to try again."}}
	}
	return []Segment{{Text: id + " is still "}, {Kind: Unused, Text: UsedWord(false)}, {Text: "."}}
}

// WriteText writes the outcome as the CLI reports it: what was made (or
// "! charge failed: ch_…"), then the request id and the token's line. The
// error itself, a failure's fields, is the caller's to print (Error).
func (o Outcome) WriteText(w io.Writer) error {
	u := o.Use
	switch {
	case o.Err != nil:
		fmt.Fprintf(w, "%s %s failed%s\n", GlyphError, u.Kind, objectSuffix(Clean(u.ObjectID)))
	case u.Kind == model.UseCustomer:
		fmt.Fprintf(w, "attached %s to customer %s\n", Clean(o.Req.TokenID), Clean(u.ObjectID))
	case connectUse(u.Kind):
		fmt.Fprintln(w, connectDone(o.Req, u))
	case u.Kind == model.UsePaymentMethod:
		fmt.Fprintf(w, "made PaymentMethod %s of %s\n", Clean(u.ObjectID), Clean(o.Req.TokenID))
	case u.Kind == model.UsePaymentIntent:
		fmt.Fprintf(w, "PaymentIntent %s: %s %s\n", Clean(u.ObjectID), model.FormatAmount(u.Amount, u.Currency), Clean(u.Status))
	case u.Kind == model.UseAuthorize:
		fmt.Fprintf(w, "authorized %s: %s %s (%s)\n", Clean(o.Req.TokenID), Clean(u.ObjectID), model.FormatAmount(u.Amount, u.Currency), Clean(u.Status))
	case u.Kind == model.UseSetupIntent:
		fmt.Fprintf(w, "SetupIntent %s: %s\n", Clean(u.ObjectID), Clean(u.Status))
	default:
		fmt.Fprintf(w, "charged %s: %s %s (%s)\n", Clean(o.Req.TokenID), Clean(u.ObjectID), model.FormatAmount(u.Amount, u.Currency), Clean(u.Status))
	}
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	if o.Err == nil && (u.Kind == model.UsePaymentIntent || savesOrHolds(u.Kind)) {
		for _, f := range o.Fields() {
			fmt.Fprintf(tw, "  %s\t%s\n", f.Label, f.Value)
		}
	}
	if o.Err != nil && u.Kind == model.UsePaymentIntent && strings.HasPrefix(u.ObjectID, "pi_") {
		fmt.Fprintf(tw, "  status\t%s\n", model.PIRequiresPaymentMethod+": "+model.PaymentIntentStatusNote(model.PIRequiresPaymentMethod))
	}
	if o.Err == nil && u.Kind == model.UseCustomer && strings.HasPrefix(u.Source, "ba_") {
		// A bank account is debited only once verified: its id and the
		// command that verifies it, as a 3D Secure outcome names its next.
		fmt.Fprintf(tw, "  bank account\t%s (new, unverified)\n", Clean(u.Source))
		fmt.Fprintf(tw, "  next\ttokenscope verify %s %s\n", Clean(u.ObjectID), Clean(u.Source))
	}
	if o.Err == nil && u.RequestID != "" {
		fmt.Fprintf(tw, "  request id\t%s\n", Clean(u.RequestID))
	}
	fmt.Fprintf(tw, "  token\t%s\n", Text(o.TokenLine()))
	return tw.Flush()
}

func objectSuffix(id string) string {
	if id == "" {
		return ""
	}
	return ": " + id
}
