package views

import (
	"fmt"
	"io"
	"text/tabwriter"

	"github.com/tokenscope/tokenscope/model"
)

// Object is what tokenscope shows of an object other than a token (a
// PaymentIntent, a PaymentMethod), in the CLI and the TUI alike: its id,
// kind and summary, the fields its kind's registry entry names, what to
// do next when it waits for something, and the request that read it.
type Object struct {
	ID, Label, Summary string
	Fields             []Field
	// Quiet are the fields not shown because their value says nothing
	// (a zero amount: model.DetailField.Quiet); a change from or to one
	// reads that value (ObjectChanges).
	Quiet []Field
	// Next is the command that moves it on ("tokenscope authenticate
	// pi_…"), "" when it waits for nothing tokenscope does.
	Next      string
	RequestID string
}

// NewObject describes o by its kind's entry in the registry.
func NewObject(o model.Object) Object {
	v := Object{ID: Clean(o.ID), Label: Clean(string(o.Kind)), RequestID: Clean(o.RequestID)}
	f := o.Fields()
	spec, ok := model.KindOfID(o.ID)
	if !ok || f == nil {
		return v
	}
	v.Label = spec.Label
	if spec.Summary != nil {
		v.Summary = Clean(spec.Summary(f))
	}
	var fs fields
	for _, df := range spec.Fields {
		fs.detail("", df, f)
	}
	v.Fields, v.Quiet = fs.list, fs.quiet
	v.Next = NextStep(o.ID, f.Get("status"))
	if v.Next == "" {
		v.Next = moneyNext(v.ID, f)
	}
	return v
}

// NextStep is the command that moves a PaymentIntent on from status, ""
// when none does.
func NextStep(id, status string) string {
	switch status {
	case model.PIRequiresAction:
		return "tokenscope authenticate " + id + " (or --fail)"
	case model.PIRequiresCapture:
		return "tokenscope capture " + id + " [--amount N], or tokenscope cancel " + id
	}
	return ""
}

// NextKeys is NextStep as the TUI takes it, with the keys of the
// PaymentIntent's pane or use outcome: a guest of tokenscope serve can run
// no command.
func NextKeys(status string) string {
	switch status {
	case model.PIRequiresAction:
		return "a completes the 3D Secure challenge, f fails it"
	case model.PIRequiresCapture:
		return "c captures it (all or part), x cancels it"
	}
	return ""
}

// Headline is the first line: "PaymentIntent pi_…  10.00 usd requires_action".
func (o Object) Headline(verb string) string {
	h := JoinNonEmpty(verb, o.Label, o.ID)
	if o.Summary != "" {
		h += "  " + o.Summary
	}
	return h
}

// WriteText writes the object as the CLI describes it: the headline, then
// its fields aligned, the next step and the request id.
func (o Object) WriteText(w io.Writer, verb string) error {
	fmt.Fprintln(w, o.Headline(verb))
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	for _, f := range o.Fields {
		fmt.Fprintf(tw, "  %s\t%s\n", f.Label, f.Value)
	}
	if o.Next != "" {
		fmt.Fprintf(tw, "  next\t%s\n", o.Next)
	}
	if o.RequestID != "" {
		fmt.Fprintf(tw, "  request id\t%s\n", o.RequestID)
	}
	return tw.Flush()
}
