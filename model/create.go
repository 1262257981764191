package model

import (
	"strconv"
	"strings"
	"time"
)

// Creator says how tokenscope makes a token of one kind: what it asks for,
// which test data can fill it in, how the request is checked, sent and
// planned, and how the create command reads. The TUI form, the create
// command, the scenario block, the client's request and the emulator's
// handling are all built from it.
type Creator struct {
	// Command is the create subcommand ("bank"); Use, Short and Example
	// are its help. The scenario block and the request parameters are
	// named after the kind itself ("bank_account").
	Command, Use, Short, Example string
	// Inputs are what is given, in the order of the request's parameters
	// (and of a scenario block's attributes); the form asks for the Ident
	// ones first.
	Inputs []Input
	// Presets are the test data that fill the inputs in, in catalog order;
	// PresetLabel names one in a token's detail ("test card").
	Presets     []Preset
	PresetLabel string
	// AllowAny is the help of the create command's --allow-any-number, for
	// a kind whose test data local checks insist on; "" for none.
	AllowAny string
	// New makes the kind's (empty) part of a request.
	New func(*TokenRequest)
	// Validate checks a request the way Stripe would.
	Validate func(TokenRequest, time.Time) *FieldError
	// Plan lists what a plan shows of a request, after its type; nil
	// shows each input that has a parameter (PlanAttrs).
	Plan func(TokenRequest) []Attr
}

// Preset is one entry of the test-data catalog a kind can start from.
type Preset struct {
	Name, Expect string
	// Request is the complete request it makes on a given day (a test
	// card's expiry lies ahead of it).
	Request func(now time.Time) TokenRequest
}

// Input is one value given to create a token: at once a form field, a
// create flag, a scenario attribute and a request parameter, each where
// it has a name.
type Input struct {
	// Attr names it in a scenario block ("routing_number"); "" when a
	// block gives it otherwise (the card's MM/YY expiry is exp_month and
	// exp_year there). Int: the attribute is a number. Required: a block
	// must set it.
	Attr          string
	Int, Required bool
	// Param is the request parameter that sends it ("card[number]"); ""
	// when others send it.
	Param string
	// Flag is the create command's flag ("routing"), Usage its help; ""
	// for none.
	Flag, Usage string
	// Default is its value when nothing gives one (a bank's country).
	Default string
	// Label titles its form field, "" keeps it off the form. Placeholder
	// shows while the field is empty; Example is what the form starts
	// with (Jenny Rosen); Choices make the field a pick among fixed words.
	Label, Placeholder, Example string
	Choices                     []string
	// MaxLen is the most characters its form field takes as typed; 0:
	// Stripe's limit on a string (Limit, inputlimits.go).
	MaxLen int
	// Ident: it names the test data (a card number, a bank account), so a
	// preset sets it: a create command or a scenario block takes either a
	// preset or it, the form asks for it first, and a request whose Ident
	// inputs are a preset's is that preset.
	Ident bool
	// Keep: choosing a preset fills it only while it is empty, so a
	// holder name typed stays.
	Keep bool
	// For reports whether the input belongs to a request of this shape
	// (an individual's names, a company's name, by business type); nil:
	// every request. Requests and plans leave the others out, and a form
	// does not send what it holds for them.
	For func(TokenRequest) bool
	// Secret: never shown (a CVC, an id number): the form hides it, plans
	// and scenario digests say (sensitive). Masked: shown only by its last
	// 4 outside the form (a card or account number).
	Secret, Masked bool
	// Public says whether a value of a Secret or Masked input is Stripe's
	// published test data (a test card, a test bank account, a test id
	// number), given the request so far: such a value may be given on a
	// command line, which every user of the machine can read through ps;
	// any other is refused there (see Sensitive). nil: none is.
	Public func(value string, req TokenRequest) bool
	// Note is a remark beside it in a plan ("test account: bank_ok"); nil
	// for none.
	Note func(string) string
	// Show writes the value as the form shows it (a card number in
	// groups); nil shows it as it is.
	Show func(string) string
	// Check is the form's check of a value as typed, given the request
	// the form holds; nil checks nothing until the whole request is.
	Check func(value string, req TokenRequest, now time.Time) *FieldError
	// Get reads it from a request; Set writes a value given as text,
	// cleaned (trimmed, digits only, ...), or says why it cannot.
	Get func(TokenRequest) string
	Set func(*TokenRequest, string) *FieldError
}

// Applies reports whether the input belongs to req (For).
func (in Input) Applies(req TokenRequest) bool { return in.For == nil || in.For(req) }

// Sensitive reports whether the input holds a secret or a number shown by
// its last 4 only: outside Stripe's published test data (Public), such a
// value is not given on a command line.
func (in Input) Sensitive() bool { return in.Secret || in.Masked }

// IsPublic reports whether value, given for in with the request so far, is
// Stripe's published test data (always true of an input that is not
// Sensitive).
func (in Input) IsPublic(value string, req TokenRequest) bool {
	return !in.Sensitive() || in.Public != nil && in.Public(value, req)
}

// Creatable lists the kinds tokenscope creates, in the chooser's order.
func Creatable() []*KindSpec {
	var out []*KindSpec
	for _, s := range kinds {
		if s.Create != nil {
			out = append(out, s)
		}
	}
	return out
}

// NewRequest is an empty request for a kind tokenscope creates, its
// defaults filled in.
func NewRequest(s *KindSpec) TokenRequest {
	r := TokenRequest{Kind: s.Kind}
	s.Create.New(&r)
	for _, in := range s.Create.Inputs {
		if in.Default == "" {
			continue
		}
		if fe := in.Set(&r, in.Default); fe != nil {
			// Defaults are constants of the registry: one that does not
			// pass its own Set is a bug the first test run shows.
			panic("model: the default of " + string(s.Kind) + " " + in.Param + " is refused: " + fe.Error())
		}
	}
	return r
}

// Preset finds one of the kind's presets by name.
func (c *Creator) Preset(name string) (Preset, bool) {
	name = strings.ToLower(strings.TrimSpace(name))
	for _, p := range c.Presets {
		if p.Name == name {
			return p, true
		}
	}
	return Preset{}, false
}

// SameTestData reports whether two requests name the same test data: their
// Ident inputs agree. A kind without Ident inputs has none to name.
func (c *Creator) SameTestData(a, b TokenRequest) bool {
	found := false
	for _, in := range c.Inputs {
		if in.Ident {
			if in.Get(a) != in.Get(b) {
				return false
			}
			found = true
		}
	}
	return found
}

// PresetOf names the preset whose test data req has, "" for none.
func (c *Creator) PresetOf(req TokenRequest, now time.Time) string {
	for _, p := range c.Presets {
		if c.SameTestData(req, p.Request(now)) {
			return p.Name
		}
	}
	return ""
}

// Params are the request's form parameters: each input that has one and a
// value, in the Inputs' order.
func (c *Creator) Params(req TokenRequest) [][2]string {
	var out [][2]string
	for _, in := range c.Inputs {
		if in.Param == "" || !in.Applies(req) {
			continue
		}
		if v := in.Get(req); v != "" {
			out = append(out, [2]string{in.Param, v})
		}
	}
	return out
}

// FromParams reads a request from its form parameters, as the emulator
// receives it; get returns "" for a parameter not sent.
func (c *Creator) FromParams(kind *KindSpec, get func(param string) string) (TokenRequest, *FieldError) {
	req := TokenRequest{Kind: kind.Kind}
	c.New(&req)
	for _, in := range c.Inputs {
		if in.Param == "" {
			continue
		}
		if v := get(in.Param); v != "" {
			if fe := in.Set(&req, v); fe != nil {
				return req, fe
			}
		}
	}
	return req, nil
}

// PlanAttrs is the default plan of a kind's request: each input that has
// a parameter and a value, named after its scenario attribute
// ("bank_account.country"), a secret as Sensitive, a masked value by its
// last 4.
func PlanAttrs(kind Kind, c *Creator, req TokenRequest) []Attr {
	var out []Attr
	for _, in := range c.Inputs {
		v := in.Get(req)
		if in.Param == "" || v == "" || !in.Applies(req) {
			continue
		}
		a := Attr{Name: string(kind) + "." + in.Attr, Value: str(v)}
		switch {
		case in.Secret:
			a.Value = Sensitive
		case in.Masked:
			a.Value = str("•••• " + Last4(v))
		}
		if in.Note != nil {
			a.Note = in.Note(v)
		}
		out = append(out, a)
	}
	return out
}

// bindText makes in read and write a string field of a kind's part of a
// request; clean tidies what was typed (nil keeps it as it is).
func bindText[P any](in Input, part func(*TokenRequest) *P, field func(*P) *string, clean func(string) string) Input {
	in.Get = func(r TokenRequest) string { return *field(part(&r)) }
	in.Set = func(r *TokenRequest, v string) *FieldError {
		if clean != nil {
			v = clean(v)
		}
		*field(part(r)) = v
		return nil
	}
	return in
}

// bindInt is bindText for a number (an expiry year).
func bindInt[P any](in Input, part func(*TokenRequest) *P, field func(*P) *int) Input {
	in.Get = func(r TokenRequest) string {
		if n := *field(part(&r)); n != 0 {
			return strconv.Itoa(n)
		}
		return ""
	}
	in.Set = func(r *TokenRequest, v string) *FieldError {
		n, err := strconv.Atoi(strings.TrimSpace(v))
		if err != nil {
			return requestErr("parameter_invalid_integer", in.Param, "Invalid integer: "+v)
		}
		*field(part(r)) = n
		return nil
	}
	return in
}

// checkText adapts a validator of the value alone to Input.Check.
func checkText(v func(string) *FieldError) func(string, TokenRequest, time.Time) *FieldError {
	return func(s string, _ TokenRequest, _ time.Time) *FieldError { return v(s) }
}
