package views

import "github.com/tokenscope/tokenscope/model"

// IDs are the ids the token's detail shows, each with what it names, in
// the order a support engineer reaches for them: the token, what used it
// and the request that did, what was tried, the card or bank account
// inside it, the request that last read it. Each id once.
func (t Token) IDs() []Field {
	var out []Field
	seen := map[string]bool{}
	add := func(label, id string) {
		if id = Clean(id); id != "" && !seen[id] {
			seen[id] = true
			out = append(out, Field{Label: label, Value: id})
		}
	}
	add("token", t.ID)
	uses := t.Attempts
	if t.Consumed != nil {
		uses = append([]model.Use{*t.Consumed}, uses...)
	}
	for i, u := range uses {
		what := string(u.Kind)
		if i > 0 || t.Consumed == nil {
			what += " (tried)"
		}
		add(what, u.ObjectID)
		add("payment method of the "+string(u.Kind), u.PaymentMethod)
		add("customer of the "+string(u.Kind), u.Customer)
		add("request of the "+string(u.Kind), u.RequestID)
	}
	for _, f := range t.Fields {
		if f.Label == "id" {
			add(f.Group, f.Value)
		}
	}
	add("request that last read it", t.RequestID)
	return out
}
