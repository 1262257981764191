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
// Stripe's spec marks expandable (x-expandableFields) and the object each
// expands to. "" is a field whose value is an object already, or always
// null in the emulator, whose paths are accepted and left as they are; a
// "list:" type is a list of those objects. "source" is a card or a bank
// account, whichever the object is.
var expandable = map[string]map[string]string{
	"token": {"card": "card", "bank_account": "bank_account"},
	"card":  {"customer": "customer", "account": "", "networks": ""},
	"bank_account": {"customer": "customer", "account": "", "future_requirements": "",
		"requirements": ""},
	"customer": {"default_source": "source", "sources": "list:source", "address": "",
		"cash_balance": "", "discount": "", "invoice_settings": "", "shipping": "",
		"subscriptions": "", "tax": "", "tax_ids": "", "test_clock": ""},
	"charge": {"customer": "customer", "balance_transaction": "balance_transaction",
		"failure_balance_transaction": "balance_transaction", "refunds": "list:refund",
		"application": "", "application_fee": "", "billing_details": "", "fraud_details": "",
		"on_behalf_of": "", "outcome": "", "payment_intent": "payment_intent", "payment_method_details": "",
		"presentment_details": "", "radar_options": "", "review": "", "shipping": "",
		"source_transfer": "", "transfer": "", "transfer_data": ""},
	"balance_transaction": {"source": "charge", "fee_details": ""},
	"balance": {"available": "", "connect_reserved": "", "instant_available": "", "issuing": "", "pending": "",
		"refund_and_dispute_prefunding": ""},
	"refund": {"charge": "charge", "balance_transaction": "", "customer": "", "destination_details": "",
		"failure_balance_transaction": "", "next_action": "", "payment_intent": "", "payment_method": "",
		"presentment_details": "", "source_transfer_reversal": "", "transfer_reversal": ""},
	"dispute": {"charge": "charge", "balance_transactions": "", "evidence": "", "evidence_details": "",
		"payment_intent": "", "payment_method_details": ""},
	"account": {"business_profile": "", "capabilities": "", "company": "", "controller": "",
		"external_accounts": "", "future_requirements": "", "groups": "", "individual": "",
		"requirements": "", "settings": "", "tos_acceptance": ""},
	"person": {"additional_tos_acceptances": "", "address": "", "address_kana": "", "address_kanji": "",
		"dob": "", "future_requirements": "", "registered_address": "", "relationship": "",
		"requirements": "", "us_cfpb_data": "", "verification": ""},
	"event":            {"data": "", "request": ""},
	"webhook_endpoint": {},
	// A PaymentMethod's and a PaymentIntent's other expandable fields are
	// objects already, or null here: accepted, left as they are.
	"payment_method": withInPlace(map[string]string{"customer": "customer"},
		"acss_debit", "affirm", "afterpay_clearpay", "alipay", "alma", "amazon_pay", "au_becs_debit", "bacs_debit", "bancontact", "billie", "billing_details", "bizum", "blik", "boleto", "card", "card_present", "cashapp", "crypto", "custom", "customer_balance", "eps", "fpx", "giropay", "grabpay", "ideal", "interac_present", "kakao_pay", "klarna", "konbini", "kr_card", "link", "mb_way", "mobilepay", "multibanco", "naver_pay", "nz_bank_account", "oxxo", "p24", "pay_by_bank", "payco", "paynow", "paypal", "payto", "pix", "promptpay", "radar_options", "revolut_pay", "samsung_pay", "satispay", "scalapay", "sepa_debit", "sofort", "sunbit", "swish", "twint", "upi", "us_bank_account", "wechat_pay", "zip"),
	"payment_intent": withInPlace(map[string]string{"customer": "customer", "latest_charge": "charge", "payment_method": "payment_method"},
		"amount_details", "application", "automatic_payment_methods", "hooks", "last_payment_error", "managed_payments", "next_action", "on_behalf_of", "payment_details", "payment_method_configuration_details", "payment_method_options", "presentment_details", "processing", "review", "shipping", "transfer_data"),
	"source": {"customer": "customer", "account": "", "networks": "",
		"future_requirements": "", "requirements": ""},
}

// withInPlace adds to m the fields that expand in place ("").
func withInPlace(m map[string]string, fields ...string) map[string]string {
	for _, f := range fields {
		m[f] = ""
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
			if item, isList := strings.CutPrefix(typ, "list:"); isList && f != "data" && (expansion{f: x[f]}).check(item) == nil {
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
	if item, isList := strings.CutPrefix(typ, "list:"); isList {
		if f != "data" {
			return f
		}
		next = item
	} else {
		fields, known := expandable[typ]
		if !known {
			return "" // an object the emulator never renders: always null
		}
		to, ok := fields[f]
		if !ok {
			return f
		}
		next = to
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
	if item, isList := strings.CutPrefix(typ, "list:"); isList {
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
		to := expandable[typ][f]
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
		if pm, ok := o.paymentMethod(id); ok {
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
