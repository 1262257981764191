package emulator

import "github.com/tokenscope/tokenscope/model"

// shippingRec is the shipping a customer, a PaymentIntent or a charge
// takes: Stripe's shipping object.
type shippingRec struct {
	Name           string  `json:"name"`
	Phone          string  `json:"phone,omitempty"`
	Carrier        string  `json:"carrier,omitempty"`
	TrackingNumber string  `json:"tracking_number,omitempty"`
	Address        address `json:"address,omitzero"`
}

type shippingJSON struct {
	Address        billingAddress `json:"address"`
	Carrier        *string        `json:"carrier"`
	Name           *string        `json:"name"`
	Phone          *string        `json:"phone"`
	TrackingNumber *string        `json:"tracking_number"`
}

// shippingParams are its keys: a customer's shipping has no carrier or
// tracking number (withCarrier false).
func shippingParams(withCarrier bool) []string {
	out := append([]string{"shipping[name]", "shipping[phone]"}, addressParams("shipping[address]")...)
	if withCarrier {
		out = append(out, "shipping[carrier]", "shipping[tracking_number]")
	}
	return out
}

// readShipping reads shipping[...], nil when none is given; Stripe
// requires its name and address.
func readShipping(p params) (*shippingRec, *model.Error) {
	if !p.has("shipping[") {
		return nil, nil
	}
	for _, req := range []string{"shipping[name]", "shipping[address][line1]"} {
		if p.get(req) == "" {
			return nil, missingParam(req)
		}
	}
	a, _ := readAddress(p, "shipping[address]")
	return &shippingRec{Name: p.get("shipping[name]"), Phone: p.get("shipping[phone]"),
		Carrier: p.get("shipping[carrier]"), TrackingNumber: p.get("shipping[tracking_number]"), Address: a}, nil
}

// render is the shipping as Stripe shows it, nil for none.
func (s *shippingRec) render() *shippingJSON {
	if s == nil {
		return nil
	}
	return &shippingJSON{Address: s.Address.render(), Carrier: opt(s.Carrier), Name: opt(s.Name),
		Phone: opt(s.Phone), TrackingNumber: opt(s.TrackingNumber)}
}
