package views

import "github.com/tokenscope/tokenscope/model"

// IDs are the ids the token's detail shows, each with what it names, in
// the order a support engineer reaches for them: the token, what used it
// and the request that did, what was tried, the card or bank account
// inside it, the request that last read it. Each id once.
func (t Token) IDs() []Field {
	var ids idFields
	ids.add("token", t.ID)
	uses := t.Attempts
	if t.Consumed != nil {
		uses = append([]model.Use{*t.Consumed}, uses...)
	}
	for i, u := range uses {
		what := string(u.Kind)
		if i > 0 || t.Consumed == nil {
			what += " (tried)"
		}
		ids.add(what, u.ObjectID)
		ids.add("payment method of the "+string(u.Kind), u.PaymentMethod)
		ids.add("customer of the "+string(u.Kind), u.Customer)
		ids.add("request of the "+string(u.Kind), u.RequestID)
	}
	for _, f := range t.Fields {
		if f.Label == "id" {
			ids.add(f.Group, f.Value)
		}
	}
	ids.add("request that last read it", t.RequestID)
	return ids.out
}
