package emulator

import (
	"encoding/json"
	"slices"
	"strings"

	"github.com/tokenscope/tokenscope/model"
)

// Stripe's expand[] (expand[]=customer, expand[0]=customer) replaces an
// id in the response by the object it names, or includes a field only an
// expansion shows (customer.sources); a dotted path expands inside what
// was expanded (customer.default_source), up to four levels, and a list's
// paths start at its data (data.customer). A path through a field that
// cannot be expanded refuses the request before it runs.

const maxExpandDepth = 4

// expandable lists, for each object the emulator renders, the fields
// Stripe's spec marks expandable (x-expandableFields) and what each is:
//   - an object type ("customer"): an id that expands to that object;
//     "source" is a card or a bank account, whichever the object is;
//   - "list:" a type: a list shown only expanded (charge.refunds);
//   - "": expandable (an id, or a list shown only expanded) that the
//     emulator renders null or leaves as it is: accepted, left so;
//   - nested, or nested+":"+type: an object in place, which is not
//     expanded itself (Stripe refuses "billing_details") but may hold
//     fields that are (outcome.rule): a path goes through it, to the
//     type's fields when named, else left as it is;
//   - sealed: an object in place through which nothing expands (an
//     event's data: Stripe never expands the object an event holds).
var expandable = map[string]map[string]string{
	"token": {"card": nested + ":card", "bank_account": nested + ":bank_account"},
	"card":  {"customer": "customer", "account": "", "networks": nested},
	"bank_account": {"customer": "customer", "account": "", "future_requirements": nested,
		"requirements": nested},
	"customer": withNested(map[string]string{"default_source": "source", "sources": "list:source",
		"subscriptions": "list:subscription", "tax_ids": "list:tax_id", "test_clock": ""},
		"address", "cash_balance", "discount", "invoice_settings", "shipping", "tax"),
	"charge": withNested(map[string]string{"customer": "customer", "balance_transaction": "balance_transaction",
		"failure_balance_transaction": "balance_transaction", "refunds": "list:refund",
		"application": "", "application_fee": "", "on_behalf_of": "", "payment_intent": "payment_intent",
		"review": "", "source_transfer": "", "transfer": ""},
		"billing_details", "fraud_details", "outcome", "payment_method_details", "presentment_details",
		"radar_options", "shipping", "transfer_data"),
	"balance_transaction": {"source": "charge", "fee_details": sealed},
	"balance": {"available": sealed, "connect_reserved": sealed, "instant_available": sealed, "issuing": sealed,
		"pending": sealed, "refund_and_dispute_prefunding": sealed},
	"refund": withNested(map[string]string{"charge": "charge", "balance_transaction": "balance_transaction", "customer": "",
		"failure_balance_transaction": "balance_transaction", "payment_intent": "payment_intent", "payment_method": "",
		"source_transfer_reversal": "", "transfer_reversal": ""},
		"destination_details", "next_action", "presentment_details"),
	"dispute": withNested(map[string]string{"charge": "charge", "payment_intent": "payment_intent", "balance_transactions": sealed},
		"evidence", "evidence_details", "payment_method_details"),
	"account": withNested(map[string]string{"external_accounts": ""},
		"business_profile", "capabilities", "company", "controller", "future_requirements", "groups",
		"individual", "requirements", "settings", "tos_acceptance"),
	"person": withNested(map[string]string{},
		"additional_tos_acceptances", "address", "address_kana", "address_kanji", "dob", "future_requirements",
		"registered_address", "relationship", "requirements", "us_cfpb_data", "verification"),
	"event":            {"data": sealed, "request": sealed},
	"webhook_endpoint": {},
	"payment_method": withNested(map[string]string{"customer": "customer"},
		"acss_debit", "affirm", "afterpay_clearpay", "alipay", "alma", "amazon_pay", "au_becs_debit", "bacs_debit", "bancontact", "billie", "billing_details", "bizum", "blik", "boleto", "card", "card_present", "cashapp", "crypto", "custom", "customer_balance", "eps", "fpx", "giropay", "grabpay", "ideal", "interac_present", "kakao_pay", "klarna", "konbini", "kr_card", "link", "mb_way", "mobilepay", "multibanco", "naver_pay", "nz_bank_account", "oxxo", "p24", "pay_by_bank", "payco", "paynow", "paypal", "payto", "pix", "promptpay", "radar_options", "revolut_pay", "samsung_pay", "satispay", "scalapay", "sepa_debit", "sofort", "sunbit", "swish", "twint", "upi", "us_bank_account", "wechat_pay", "zip"),
	"payment_intent": withNested(map[string]string{"customer": "customer", "latest_charge": "charge", "payment_method": "payment_method",
		"application": "", "on_behalf_of": "", "review": ""},
		"amount_details", "automatic_payment_methods", "hooks", "last_payment_error", "managed_payments", "next_action", "payment_details", "payment_method_configuration_details", "payment_method_options", "presentment_details", "processing", "shipping", "transfer_data"),
	"setup_intent": withNested(map[string]string{"customer": "customer", "payment_method": "payment_method",
		"application": "", "latest_attempt": "", "mandate": "", "on_behalf_of": "", "single_use_mandate": ""},
		"automatic_payment_methods", "last_setup_error", "managed_payments", "next_action", "payment_method_configuration_details", "payment_method_options"),
	"source": {"customer": "customer", "account": "", "networks": nested,
		"future_requirements": nested, "requirements": nested},
}

// What a field in expandable is when it is not expanded itself.
const (
	nested = "nested"
	sealed = "sealed"
)

// expandsTo is the type a field's paths continue in: what it expands to,
// or a nested object's type; "" when what is under it is left as it is.
func expandsTo(kind string) string {
	if t, ok := strings.CutPrefix(kind, nested+":"); ok {
		return t
	}
	if kind == nested || kind == sealed {
		return ""
	}
	return kind
}

// listItem is the type of the items of a list ("list:charge") or of a
// search result ("search:charge"), whose paths start at its data.
func listItem(typ string) (string, bool) {
	if item, ok := strings.CutPrefix(typ, "list:"); ok {
		return item, true
	}
	return strings.CutPrefix(typ, "search:")
}

// withNested adds to m the fields that are nested objects.
func withNested(m map[string]string, fields ...string) map[string]string {
	for _, f := range fields {
		m[f] = nested
	}
	return m
}

// expansion is the tree of paths a request expands: field -> deeper paths.
type expansion map[string]expansion

func readExpand(p params) (expansion, *model.Error) {
	x := expansion{}
	for k, vs := range p.Values {
		if !strings.HasPrefix(k, "expand[") {
			continue
		}
		for _, v := range vs {
			if v == "" {
				continue
			}
			path := strings.Split(v, ".")
			if len(path) > maxExpandDepth {
				return nil, invalid("", "", "You cannot expand more than 4 levels of a property.")
			}
			node := x
			for _, f := range path {
				if node[f] == nil {
					node[f] = expansion{}
				}
				node = node[f]
			}
		}
	}
	return x, nil
}

// check refuses a path through a field of typ that cannot be expanded. On
// a list, a path that would do from data says so.
func (x expansion) check(typ string) *model.Error {
	for _, f := range x.fields() {
		if bad := x.badField(typ, f); bad != "" {
			msg := "This property cannot be expanded (" + bad + ")."
			if item, isList := listItem(typ); isList && f != "data" && (expansion{f: x[f]}).check(item) == nil {
				msg += " You may want to try expanding 'data." + x.pathOf(f) + "' instead."
			}
			return invalid("", "", msg)
		}
	}
	return nil
}

// badField is the first field on the paths from f that cannot be
// expanded, "" when they all can.
func (x expansion) badField(typ, f string) string {
	var next string
	if item, isList := listItem(typ); isList {
		switch {
		case f == "total_count" && strings.HasPrefix(typ, "search:") && len(x[f]) == 0:
			return "" // a search result's count, shown only expanded (search.go)
		case f != "data":
			return f
		}
		next = item
	} else {
		fields, known := expandable[typ]
		if !known {
			return "" // an object the emulator never renders: always null
		}
		kind, ok := fields[f]
		switch {
		case !ok, kind == sealed:
			return f
		case kind == nested || strings.HasPrefix(kind, nested+":"):
			// Not expanded itself: a path may go through it, not end
			// at it.
			if len(x[f]) == 0 {
				return f
			}
		}
		next = expandsTo(kind)
	}
	if next == "" {
		return ""
	}
	for _, g := range x[f].fields() {
		if bad := x[f].badField(next, g); bad != "" {
			return bad
		}
	}
	return ""
}

// pathOf is the path through f as the request wrote it (one of them).
func (x expansion) pathOf(f string) string {
	path := f
	for node := x[f]; len(node) > 0; {
		g := node.fields()[0]
		path += "." + g
		node = node[g]
	}
	return path
}

func (x expansion) fields() []string {
	fs := make([]string, 0, len(x))
	for f := range x {
		fs = append(fs, f)
	}
	slices.Sort(fs)
	return fs
}

// expander expands a response during the request that made it, reading
// the objects it names from the request's view of the store.
type expander struct{ c *call }

// expand returns raw, a typ, with the paths of x expanded.
func (e expander) expand(raw json.RawMessage, typ string, x expansion) (json.RawMessage, error) {
	if len(x) == 0 {
		return raw, nil
	}
	obj, err := parseObject(raw)
	if err != nil {
		return nil, err
	}
	if item, isList := listItem(typ); isList {
		data, _ := obj.get("data")
		var items []json.RawMessage
		if err := json.Unmarshal(data, &items); err != nil {
			return nil, err
		}
		for i := range items {
			if items[i], err = e.expand(items[i], item, x["data"]); err != nil {
				return nil, err
			}
		}
		data, err := json.Marshal(items)
		if err != nil {
			return nil, err
		}
		obj.set("data", data)
		return obj.marshal(), nil
	}
	if typ == "source" {
		typ = obj.str("object")
	}
	parent := obj.str("id")
	for _, f := range x.fields() {
		to := expandsTo(expandable[typ][f])
		val, present := obj.get(f)
		var id string
		switch {
		case !present, json.Unmarshal(val, &id) == nil:
			resolved, ok := e.resolve(typ, parent, f, id)
			if !ok {
				continue
			}
			if val, err = json.Marshal(resolved); err != nil {
				return nil, err
			}
		case to == "" || string(val) == "null":
			continue
		}
		if val, err = e.expand(val, to, x[f]); err != nil {
			return nil, err
		}
		obj.set(f, val)
	}
	return obj.marshal(), nil
}

// resolve is what field f of the object parent (a typ) expands to: the
// object id names, or, for a field only an expansion shows (id ""), the
// field's value.
func (e expander) resolve(typ, parent, f, id string) (any, bool) {
	o := e.c.objs
	switch to := expandable[typ][f]; {
	case to == "customer":
		// A deleted customer expands as its GET answers: deleted_customer.
		if cus, ok := o.customerOrDeleted(id); ok {
			if cus.Deleted {
				return &deletedJSON{ID: cus.ID, Object: "customer", Deleted: true}, true
			}
			return renderCustomer(cus), true
		}
	case to == "charge":
		if ch, ok := o.charge(id); ok {
			return renderCharge(ch), true
		}
	case to == "payment_method":
		if pm, ok := o.paymentMethodFor(id, ""); ok {
			return renderPaymentMethod(pm), true
		}
	case to == "payment_intent":
		if pi, ok := o.paymentIntent(id); ok {
			return renderPaymentIntent(pi), true
		}
	case to == "balance_transaction":
		if bt, ok := o.balanceTx(id); ok {
			return renderBalanceTx(bt, e.c.now), true
		}
		// A charge made before balance transactions were kept has none
		// of its own: it is derived from the charge.
		if ch, ok := o.charge(parent); ok && typ == "charge" && ch.BalanceTx == id && id != "" {
			return renderBalanceTx(chargeBalanceTx(ch), e.c.now), true
		}
	case to == "source" || to == "list:source":
		cus, ok := o.customer(parent)
		if !ok {
			return nil, false
		}
		if to == "source" {
			s, has := cus.source(id)
			if !has {
				return nil, false
			}
			return s.listed().json, true
		}
		list := &listJSON{Object: "list", Data: []any{}, URL: "/v1/customers/" + cus.ID + "/sources"}
		for _, s := range cus.sources() {
			list.Data = append(list.Data, s.listed().json)
		}
		return list, true
	case emptyLists[to] != "" && id == "" && typ == "customer":
		return emptyList(to, parent)
	case to == "list:refund" && id == "":
		if ch, ok := o.charge(parent); ok {
			return chargeRefunds(o, ch), true
		}
	}
	return nil, false
}

// jsonObject is a JSON object with its members in order, so that an
// expanded response keeps Stripe's order of fields.
type jsonObject []jsonMember

type jsonMember struct {
	key   string
	value json.RawMessage
}

func parseObject(raw json.RawMessage) (jsonObject, error) {
	dec := json.NewDecoder(strings.NewReader(string(raw)))
	if _, err := dec.Token(); err != nil {
		return nil, err
	}
	var obj jsonObject
	for dec.More() {
		tok, err := dec.Token()
		if err != nil {
			return nil, err
		}
		key, _ := tok.(string)
		var v json.RawMessage
		if err := dec.Decode(&v); err != nil {
			return nil, err
		}
		obj = append(obj, jsonMember{key, v})
	}
	return obj, nil
}

func (o jsonObject) get(key string) (json.RawMessage, bool) {
	for _, m := range o {
		if m.key == key {
			return m.value, true
		}
	}
	return nil, false
}

// str is a string member's value, "" if it is not one.
func (o jsonObject) str(key string) string {
	var s string
	if v, ok := o.get(key); ok {
		_ = json.Unmarshal(v, &s)
	}
	return s
}

// set replaces a member, or adds it where Stripe's alphabetical order
// puts it (after id and object).
func (o *jsonObject) set(key string, value json.RawMessage) {
	at := len(*o)
	for i, m := range *o {
		if m.key == key {
			(*o)[i].value = value
			return
		}
		if at == len(*o) && m.key != "id" && m.key != "object" && m.key > key {
			at = i
		}
	}
	*o = slices.Insert(*o, at, jsonMember{key, value})
}

func (o jsonObject) marshal() json.RawMessage {
	var b strings.Builder
	b.WriteByte('{')
	for i, m := range o {
		if i > 0 {
			b.WriteByte(',')
		}
		key, _ := json.Marshal(m.key)
		b.Write(key)
		b.WriteByte(':')
		b.Write(m.value)
	}
	b.WriteByte('}')
	return json.RawMessage(b.String())
}
