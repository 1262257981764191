package emulator

import "github.com/tokenscope/tokenscope/model"

// How Stripe's test cards meet 3D Secure on an on-session PaymentIntent
// without a challenge, from Stripe's testing docs ("Test 3D Secure
// authentication", https://docs.stripe.com/testing#regulatory-cards):
// the frictionless card is authenticated by its issuer unasked; a
// payment that requests 3D Secure (request_three_d_secure any or
// challenge) challenges only the card that is "3DS Supported, OK"
// (4000000000003055), fails the attempt on the "3DS Supported, Error"
// one (4000000000003097) and goes on, and on every other test card
// Stripe "return[s] attempt_acknowledged to bypass the additional
// steps" (4242424242424242 is "not enrolled": no one is prompted).
// American Express "isn't supported ... and can't be invoked": the
// payment proceeds without 3D Secure.

// challenges reports whether confirming pi on session with a card that
// meets 3D Secure as t does stops for a challenge.
func (pi *paymentIntentRec) challenges(t model.ThreeDS) bool {
	return t.Asks(false) || (t == model.ThreeDSOptional && pi.requests3DS())
}

// threeDSWithoutChallenge is the 3D Secure an on-session payment of pi
// with pm runs when no challenge stops it (call.threeDS): "" for none.
func threeDSWithoutChallenge(t model.ThreeDS, pi *paymentIntentRec, pm *paymentMethodRec) string {
	switch {
	case t == model.ThreeDSFrictionless:
		return threeDSFrictionless
	case !pi.requests3DS() || pm.Card.Brand == model.BrandAmex:
		return ""
	case t == model.ThreeDSOptionalError:
		return threeDSError
	}
	return threeDSAttempt
}
