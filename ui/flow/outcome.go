package flow

import (
	"strings"

	"github.com/tokenscope/tokenscope/model"
	"github.com/tokenscope/tokenscope/ui/common"
)

// outcome is what using a token did: the charge or customer, the error when
// it failed, and the token as re-read afterwards.
type outcome struct {
	req           model.UseRequest
	use           model.Use
	before, after model.Record
	err           error
}

// noun is "charge" or "customer".
func (o outcome) noun() string {
	if o.req.Kind == model.UseCustomer {
		return "customer"
	}
	return "charge"
}

// headline is "charge succeeded", "charge declined", "customer failed".
func (o outcome) headline() string {
	switch e, _ := model.AsError(o.err); {
	case o.err == nil && o.req.Kind == model.UseCustomer:
		return "customer created"
	case o.err == nil:
		return "charge " + o.use.Status
	case e != nil && e.Type == model.TypeCardError:
		return o.noun() + " declined"
	}
	return o.noun() + " failed"
}

// ids are the object and request ids, "ch_… · req_…".
func (o outcome) ids() string {
	id, reqID := o.use.ObjectID, o.use.RequestID
	if e, ok := model.AsError(o.err); ok {
		if id == "" {
			id = e.Charge
		}
		if reqID == "" {
			reqID = e.RequestID
		}
	}
	var parts []string
	for _, s := range []string{id, reqID} {
		if s != "" {
			parts = append(parts, s)
		}
	}
	return strings.Join(parts, " · ")
}

// status is the one-line summary for the status bar.
func (o outcome) status() string {
	s := o.headline()
	if e, ok := model.AsError(o.err); ok {
		s += ": " + model.Outcome{Code: e.Code, DeclineCode: e.DeclineCode}.Codes()
	} else if o.err != nil {
		s += ": " + o.err.Error()
	}
	if ids := o.ids(); ids != "" {
		s += " (" + ids + ")"
	}
	return s
}

// rows are the fields under the headline: what happened, and why.
func (o outcome) rows() []common.Row {
	if o.err == nil {
		rows := []common.Row{{Label: "status", Value: o.use.Status}}
		if o.req.Kind == model.UseCharge {
			rows = append(rows, common.Row{Label: "amount", Value: model.FormatAmount(o.use.Amount, o.use.Currency)})
		}
		return append(rows, common.Row{Label: "outcome", Value: o.expect()})
	}
	var rows []common.Row
	for _, r := range common.ErrorRows(o.err) {
		switch r.Label {
		case "type", "request id":
			continue // the type is in the headline, the request id beside it
		case "why":
			if r.Value == "" {
				r.Value = o.explain()
			}
		}
		rows = append(rows, r)
	}
	return rows
}

// expect is what the catalog says the test card does, for a success.
func (o outcome) expect() string {
	if p, ok := model.CardByName(o.before.Preset); ok {
		return p.Expect
	}
	return ""
}

// explain falls back on the catalog when the error came without one.
func (o outcome) explain() string {
	if p, ok := model.CardByName(o.before.Preset); ok && p.Explain != "" {
		return p.Explain
	}
	return ""
}

// code is Stripe's error code of a failed use, "" otherwise.
func (o outcome) code() string {
	if e, ok := model.AsError(o.err); ok {
		return e.Code
	}
	return ""
}

// tokenLine says what the use did to the token.
func (o outcome) tokenLine(st *common.Styles) string {
	switch {
	case o.after.ID == "" && model.MagicTokens[o.req.TokenID] != nil:
		return o.req.TokenID + " is a magic test token: Stripe makes a fresh token from it on every use."
	case o.after.ID == "":
		return o.req.TokenID + " was not re-read: refresh it to see whether it is used."
	case o.after.Gone:
		return o.after.ID + " " + st.Gone.Render(common.GlyphGone+" no longer exists") + " (resource_missing): make a new token."
	case o.after.Used && o.code() == model.CodeTokenAlreadyUsed:
		return o.after.ID + " was already " + st.Used.Render(common.GlyphUsed+" used") + ": a new token is needed to try again."
	case o.after.Used:
		return o.after.ID + " is now " + st.Used.Render(common.GlyphUsed+" used") + ": a new token is needed to try again."
	}
	return o.after.ID + " is still " + st.Unused.Render(common.GlyphUnused+" unused") + "."
}

// render is the outcome pane of screens.md.
func (o outcome) render(st *common.Styles, width int) string {
	head := st.Add.Render(common.GlyphAdd + " " + o.headline())
	if o.err != nil {
		head = st.ErrorTitle.Render(common.GlyphError + " " + o.headline())
	}
	if ids := o.ids(); ids != "" {
		head += "  " + st.Muted.Render(ids)
	}
	rows := append(o.rows(), common.Row{Label: "token", Value: o.tokenLine(st)})
	return head + "\n" + common.RenderRows(st, rows, width)
}
