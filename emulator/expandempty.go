package emulator

// A customer's subscriptions and tax ids are lists shown only expanded
// (expand[]=subscriptions). The emulator makes neither (their routes are
// 404s, tax_id_data is not modelled), so every customer has none, and the
// expansion is the empty list Stripe answers for such a customer, never
// the field left out.

// emptyLists are the expandable lists every object of the emulator's
// has empty: their kind in expandable -> the path under the customer.
var emptyLists = map[string]string{"list:subscription": "subscriptions", "list:tax_id": "tax_ids"}

// emptyList is the empty list kind of the customer parent shows, and
// whether kind is one.
func emptyList(kind, parent string) (*listJSON, bool) {
	sub, ok := emptyLists[kind]
	if !ok {
		return nil, false
	}
	return &listJSON{Object: "list", Data: []any{}, URL: "/v1/customers/" + parent + "/" + sub}, true
}
