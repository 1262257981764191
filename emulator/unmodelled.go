package emulator

import "github.com/tokenscope/tokenscope/model"

// codeNotModelled is the emulator's own code for a parameter Stripe
// documents for the endpoint that the emulator does not model: the
// request is correct for Stripe, and refusing it as a typo
// (parameter_unknown) would have developers "fix" correct code.
const codeNotModelled = "parameter_not_modelled"

// refuseParam is the refusal of a parameter the endpoint does not
// accept: Stripe's own for a name Stripe does not know either ("Received
// unknown parameter"), or one that says the emulator is what lacks it.
func (ep *endpoint) refuseParam(key string) *model.Error {
	if !ep.stripeKnows(key) {
		return invalid("parameter_unknown", key, "Received unknown parameter: "+key)
	}
	return invalid(codeNotModelled, key, key+" is a Stripe parameter that the tokenscope emulator does not model (yet). "+
		"Test this request against Stripe's test mode or stripe-mock, or leave the parameter out here.")
}
