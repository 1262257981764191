package emulator

import "github.com/tokenscope/tokenscope/model"

// The SetupIntent's side of the 3D Secure page (challenge.go): completed,
// the setup succeeds (a card that declines a payment after
// authentication, 4000008400001629, is still set up: its decline comes
// with the payment); failed, the SetupIntent returns to
// requires_payment_method with setup_intent_authentication_failure.

// msgSetupAuthFailed is Stripe's message for a failed challenge.
const msgSetupAuthFailed = "The provided PaymentMethod has failed authentication. Provide a new payment method to attempt to fulfill this SetupIntent again."

func (si *setupIntentRec) challengeOpen() bool { return si.Status == model.PIRequiresAction }
func (si *setupIntentRec) rendered() any       { return renderSetupIntent(si) }

func (si *setupIntentRec) answer(c *call, complete bool) any {
	pm, ok := c.objs.paymentMethod(si.PaymentMethod)
	if !ok {
		return nil
	}
	if complete {
		aerr := succeedSetup(c, si, pm)
		if aerr == nil {
			return renderSetupIntent(si)
		}
		// The card was attached elsewhere meanwhile: the setup fails
		// as a confirm would.
		failSetup(c, si, pm, aerr)
		return renderSetupIntent(si)
	}
	failSetup(c, si, pm, invalid("setup_intent_authentication_failure", "", msgSetupAuthFailed))
	return renderSetupIntent(si)
}

func (si *setupIntentRec) returnTo() string {
	if !returnable(si.ReturnURL) {
		return ""
	}
	return withRedirectStatus(si.ReturnURL, "setup_intent", si.ID, si.clientSecret(), si.Status)
}

// view names the PaymentMethod si is set up with (the failed one after
// a failure).
func (si *setupIntentRec) view() challengeView {
	v := challengeView{ID: si.ID, Status: si.Status, Open: si.challengeOpen(), method: si.PaymentMethod}
	if si.LastError != nil {
		v.Error = si.LastError.Message
		v.method = cmpOr(v.method, si.LastError.PaymentMethod)
	}
	return v
}
