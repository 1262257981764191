package model

import "strings"

// KindSpec describes one kind of Stripe object once: how its ids start,
// what it is called, which of its fields a person reads, and what it can be
// used for. Forms, validation, the scenario schema, the create commands,
// the emulator and the detail pane are driven from these entries, so a new
// kind is a new entry (see docs/ARCHITECTURE.md).
//
// A token kind has Object ObjectToken and Kind its type (card,
// bank_account). An object kind (a charge, a customer) has Object and Kind
// both the object's name, its ids' prefixes, and its Fields; it has no
// Create, and the token-only parts (Uses) stay empty.
type KindSpec struct {
	Kind Kind
	// Object is the API object an id names: ObjectToken for every token
	// kind.
	Object string
	// Prefixes are the id prefixes of this kind; a new id gets the first.
	Prefixes []string
	// Short names the kind in list rows, four letters or fewer.
	Short string
	// Label names the kind in a sentence ("bank account"); About says what
	// one is for, beside the label in the new-token chooser.
	Label, About string
	// Heading is the detail pane's title over Fields: the API attribute
	// that holds them ("bank_account"); empty when the kind has none.
	Heading string
	// Summary is one in a few words for list rows ("Visa •••• 4242"); nil
	// or "" shows the kind's name.
	Summary func(Fields) string
	// Fields are what the detail pane shows of one, in order.
	Fields []DetailField
	// Drift are the fields whose change a refresh reports (Diff): what
	// matters to someone testing with one. Label is unused there.
	Drift []DetailField
	// Uses are the ways tokenscope can use one (charge it, attach it to a
	// customer); none for a kind only Connect calls consume.
	Uses []UseKind
	// Create says how tokenscope makes one; nil for a kind it only reads.
	Create *Creator
	// Path is where an object kind's objects are read by id
	// ("/v1/payment_intents/"): `get` retrieves any id of a kind that has
	// one. Token kinds leave it empty (tokens are read as tokens).
	Path string
}

// DetailField is one attribute of an object as the detail pane shows it.
type DetailField struct {
	// Path is the attribute as the API names it: "card.brand".
	Path string
	// Label is its name under the kind's heading: "brand".
	Label string
	// Value reads it from the object; nil reads Path as it is. "" means
	// the object has none.
	Value func(Fields) string
	// Quiet reports a value that says nothing worth a row (a zero
	// amount): Show hides it, but it is the object's value still, so
	// what compares two reads of the object (Read) sees 0.00 usd become
	// 3.00 usd, not a value appear from nothing. nil: none is quiet.
	Quiet func(Fields) bool
}

// Show is the field's value in obj as a detail shows it, "" when there
// is none or it is quiet.
func (f DetailField) Show(obj Fields) string {
	v, quiet := f.Read(obj)
	if quiet {
		return ""
	}
	return v
}

// Read is the field's value in obj ("" when there is none), and whether
// it is quiet: not worth a row of its own.
func (f DetailField) Read(obj Fields) (value string, quiet bool) {
	if f.Value != nil {
		value = f.Value(obj)
	} else {
		value = obj.Get(f.Path)
	}
	return value, value != "" && f.Quiet != nil && f.Quiet(obj)
}

// kinds is the registry, in the order the new-token chooser offers them.
var kinds = []*KindSpec{cardKind, bankKind, piiKind, accountKind, personKind, cvcUpdateKind,
	chargeKind, customerKind, refundKind, disputeKind, connectedKind, bankAccountKind, cardSourceKind,
	personObjectKind,
	paymentMethodKind, paymentIntentKind, setupIntentKind, balanceTransactionKind, eventKind, webhookEndpointKind}

// Kinds lists every registered kind, in the chooser's order.
func Kinds() []*KindSpec { return kinds }

// ObjectToken is the API object of every token kind.
const ObjectToken = "token"

// SpecOf finds a token kind's entry. An object kind may share a token
// kind's name (the account acct_ and the account token ct_), so object
// kinds are found by their ids (KindOfID).
func SpecOf(k Kind) (*KindSpec, bool) {
	for _, s := range kinds {
		if s.Object == ObjectToken && s.Kind == k {
			return s, true
		}
	}
	return nil, false
}

// KindOfID says which kind an id names, by its prefix.
func KindOfID(id string) (*KindSpec, bool) {
	for _, s := range kinds {
		for _, p := range s.Prefixes {
			if strings.HasPrefix(id, p) && !isCodeNotCard(s, id) {
				return s, true
			}
		}
	}
	return nil, false
}

// PrefixesOf lists the id prefixes of every kind of an API object
// ("token"), in registry order.
func PrefixesOf(object string) []string {
	var out []string
	for _, s := range kinds {
		if s.Object == object {
			out = append(out, s.Prefixes...)
		}
	}
	return out
}

// Short is the kind in four letters or fewer, for list rows; a kind
// tokenscope does not know shows as itself.
func (k Kind) Short() string {
	if k == "" {
		return "?"
	}
	if s, ok := SpecOf(k); ok {
		return s.Short
	}
	return string(k)
}

// withDetail is "main (detail, detail)", leaving out what is empty:
// "Visa (credit, US)".
func withDetail(main string, details ...string) string {
	var d []string
	for _, s := range details {
		if s != "" {
			d = append(d, s)
		}
	}
	if len(d) == 0 {
		return main
	}
	return strings.TrimSpace(main + " (" + strings.Join(d, ", ") + ")")
}
