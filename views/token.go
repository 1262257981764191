package views

import (
	"fmt"
	"time"

	"github.com/tokenscope/tokenscope/model"
)

// Token is what tokenscope shows of one token, in the CLI (get, create,
// state show) and in the TUI's detail pane alike: whether it can still be
// used and what used it, then every field of it a person asks about, in
// one order, then when it was last read. Values are cleaned of control
// characters: they come from the API.
type Token struct {
	ID      string
	Type    model.Kind
	Summary string
	Status  Status
	// Used is whether the API said it was used, gone or not.
	Used    bool
	Created time.Time
	// Consumed is the use that consumed the token (model.Record.ConsumedBy);
	// nil when it is unused, or used before any use recorded here
	// (UsedElsewhere).
	Consumed      *model.Use
	UsedElsewhere bool
	// Attempts are the uses tried after Consumed, or every attempt on a
	// token still unused: refused, but worth seeing.
	Attempts []model.Use
	Fields   []Field
	// DecodeErr is why the stored token could not be read; Fields then
	// holds only what the state records outside it.
	DecodeErr error
	FetchedAt time.Time
	RequestID string
}

// Status answers "can I still use this token?".
type Status int

// A token is unused, used, or gone from the API.
const (
	StatusUnused Status = iota
	StatusUsed
	StatusGone
)

// Field is one fact of a token. Label names it in the TUI's pane, under
// its Group's heading where it has one ("zip_check" under "card"), where
// columns are narrow; Path names it in the CLI's flat list, the group and
// the label together ("card.zip_check").
type Field struct {
	Group string // "", or the kind's heading: "card", "bank_account"
	Path  string
	Label string
	Value string
}

// NewToken describes r. obj is r's stored API object as decoded
// (model.DecodeFields(r.Raw)), decodeErr why it could not be. The fields
// of its kind and their order are the kind registry's (model.KindSpec).
func NewToken(r *model.Record, obj model.Fields, decodeErr error) Token {
	t := Token{ID: Clean(r.ID), Type: model.Kind(Clean(string(r.Type))), Summary: Clean(r.Summary), DecodeErr: decodeErr,
		FetchedAt: r.FetchedAt, RequestID: Clean(r.RequestID), Used: r.Used}
	switch {
	case r.Gone:
		t.Status = StatusGone
	case r.Used:
		t.Status = StatusUsed
	}
	if r.Used {
		first, later, found := r.ConsumedBy()
		if found {
			t.Consumed = &first
		}
		t.UsedElsewhere = !found && len(later) > 0
		t.Attempts = later
	} else {
		t.Attempts = r.Uses
	}
	f := fields{}
	f.add("", "type", string(r.Type))
	f.add("", "livemode", fmt.Sprintf("%t (test mode)", r.Livemode))
	if r.Created > 0 {
		t.Created = time.Unix(r.Created, 0).UTC()
		f.add("", "created", t.Created.Format("2006-01-02 15:04:05 UTC"))
	}
	heading := ""
	if spec, ok := model.SpecOf(r.Type); ok && spec.Heading != "" && obj.Has(spec.Heading) {
		heading = spec.Heading
	}
	f.add("", "client_ip", obj.Get("client_ip"))
	if heading != "" {
		spec, _ := model.SpecOf(r.Type)
		for _, df := range spec.Fields {
			f.detail(heading, df, obj)
		}
	}
	testDataFields(&f, r, heading)
	f.add("", "scenario", r.Scenario)
	t.Fields = f.list
	return t
}

// fields collects a token's or object's fields in order, leaving out
// empty values; the quiet ones (model.DetailField.Quiet) go apart.
type fields struct{ list, quiet []Field }

func (f *fields) add(group, label, value string) {
	f.list = appendField(f.list, group, label, value)
}

// hide keeps a quiet value apart from the rows shown.
func (f *fields) hide(group, label, value string) {
	f.quiet = appendField(f.quiet, group, label, value)
}

// detail adds df's value in obj: a row, or apart when it is quiet.
func (f *fields) detail(group string, df model.DetailField, obj model.Fields) {
	if v, quiet := df.Read(obj); quiet {
		f.hide(group, df.Label, v)
	} else {
		f.add(group, df.Label, v)
	}
}

func appendField(list []Field, group, label, value string) []Field {
	if value == "" {
		return list
	}
	path := label
	if group != "" {
		path = group + "." + label
	}
	return append(list, Field{Group: group, Path: path, Label: label, Value: Clean(value)})
}

// testDataFields say what the test data simulates, from the preset the
// token was made from or the magic token it is, under heading (the
// card's or bank account's) when the token has one. Brand and last4 alone
// do not name a test card (4242 ends Visa's and others' numbers).
func testDataFields(f *fields, r *model.Record, heading string) {
	name := r.Preset
	if c, ok := model.MagicTokens[r.ID]; ok && name == "" {
		name = c.Name
	}
	var label, value string
	if c, ok := model.CardByName(name); ok {
		label, value = "test card", c.Name+": "+c.Expect
	} else if b, ok := model.BankByName(name); ok {
		label, value = "test bank", b.Name+": "+b.Expect
	} else if p, ok := model.IDByName(name); ok {
		label, value = "test id", p.Name+": "+p.Expect
	}
	if value != "" {
		f.list = append(f.list, Field{Group: heading, Path: label, Label: label, Value: Clean(value)})
	}
}
