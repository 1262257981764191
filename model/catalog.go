package model

import (
	"strings"
)

// Outcome is what Stripe's test mode does with a piece of test data when it
// is used. The zero value means "succeeds".
type Outcome struct {
	// Code and DeclineCode are the error a charge gets ("card_declined",
	// "insufficient_funds"); empty when the charge succeeds.
	Code        string
	DeclineCode string
	// Message is Stripe's own error message for the decline.
	Message string
	// NoAttach: the card cannot be attached to a customer (issuer declines).
	NoAttach bool
	// Risk is the Radar risk level of a charge: normal, elevated, highest.
	Risk string
	// Blocked: Radar blocks the charge (outcome type "blocked").
	Blocked bool
	// CVCCheck, ZipCheck and Line1Check are the card's check results.
	CVCCheck, ZipCheck, Line1Check string
	// ThreeDS is what a PaymentIntent confirmed with the card meets: a
	// 3D Secure challenge (ThreeDSRequired...), or none. Code and
	// DeclineCode above stay what the Charges API answers, which cannot
	// authenticate.
	ThreeDS ThreeDS
	// AfterAuth is the decline a PaymentIntent meets once its challenge is
	// completed (4000008400001629); nil: it succeeds.
	AfterAuth *Outcome
	// Dispute is the reason of the dispute a succeeded payment opens
	// (fraudulent, product_not_received), "inquiry" for an inquiry, or
	// "warning" for an early fraud warning; "" opens none.
	Dispute string
	// Refund is how a refund of the payment goes: "" succeeds at once,
	// or RefundPendingFirst, RefundFailsLater.
	Refund string
}

// How a test card's refunds go (Stripe's testing docs, "Refunds").
const (
	// RefundPendingFirst: the refund is pending, then succeeds.
	RefundPendingFirst = "pending_succeeds"
	// RefundFailsLater: the refund succeeds, then fails; the charge is
	// no longer refunded by its amount.
	RefundFailsLater = "succeeds_fails"
)

// ThreeDS is how a test card meets 3D Secure on a PaymentIntent.
type ThreeDS string

// The ways Stripe's test cards meet 3D Secure.
const (
	// ThreeDSNone: no challenge (3D Secure supported or not, not asked).
	ThreeDSNone ThreeDS = ""
	// ThreeDSRequired: every payment asks (4000002760003184).
	ThreeDSRequired ThreeDS = "required"
	// ThreeDSUnlessSetup: on-session payments ask; off-session ones fail
	// with authentication_required, as the card was never set up
	// (4000002500003155).
	ThreeDSUnlessSetup ThreeDS = "unless_setup"
	// ThreeDSOnSession: on-session payments ask; off-session ones succeed
	// as if the card had been set up (4000003800000446).
	ThreeDSOnSession ThreeDS = "on_session"
	// ThreeDSFrictionless: every payment runs 3D Secure, which the issuer
	// completes without a challenge (4000000032200000): an on-session
	// payment succeeds authenticated; off session, where Stripe runs no
	// 3D Secure, it fails as ThreeDSRequired's does.
	ThreeDSFrictionless ThreeDS = "frictionless"
	// ThreeDSOptional: supported, not required: a payment meets a
	// challenge only when it requests 3D Secure (4000000000003055).
	ThreeDSOptional ThreeDS = "optional"
	// ThreeDSOptionalError: as ThreeDSOptional, but a requested attempt
	// fails with a processing error and the payment goes on without it
	// (4000000000003097).
	ThreeDSOptionalError ThreeDS = "optional_error"
)

// Stripe's testing docs ("Test 3D Secure authentication") are the source
// of these: the cards of that section simulate 3D Secure; any other test
// card that 3D Secure is requested of bypasses it as attempt_acknowledged
// (ThreeDSNone), and American Express does not support it.

// Asks reports whether a payment made on or off session meets a challenge
// of the card's own (one the payment requests aside).
func (t ThreeDS) Asks(offSession bool) bool {
	return t == ThreeDSRequired || (!offSession && (t == ThreeDSUnlessSetup || t == ThreeDSOnSession))
}

// DeclinesOffSession reports whether an off-session payment fails as
// needing authentication no one is there to give: the card was never set
// up for it (setUp false) or asks on every payment.
func (t ThreeDS) DeclinesOffSession(setUp bool) bool {
	return t == ThreeDSRequired || t == ThreeDSFrictionless || (t == ThreeDSUnlessSetup && !setUp)
}

// Declines reports whether a charge fails.
func (o Outcome) Declines() bool { return o.Code != "" }

// CardPreset is one of Stripe's test cards.
type CardPreset struct {
	Name       string // stable, lower case: visa, insufficient_funds
	Number     string
	Brand      string // as Stripe spells it: Visa, MasterCard, American Express
	Funding    string // credit, debit, prepaid
	Country    string
	MagicToken string // tok_visa, … ("" when Stripe has none)
	// PaymentMethod is Stripe's test PaymentMethod for the card
	// (pm_card_visa); "" when Stripe has none.
	PaymentMethod string
	Outcome       Outcome
	// Expect is the outcome in a few words for pickers and plans.
	Expect string
	// Explain says what the card simulates and what a real customer sees.
	Explain string
	// TokenizeCode is the error tokenization itself fails with (incorrect_number).
	TokenizeCode string
}

// BankPreset is one of Stripe's US test bank accounts.
type BankPreset struct {
	Name          string
	RoutingNumber string
	AccountNumber string
	Expect        string
	Explain       string
	// Code is the ACH failure code a debit from this account ends with.
	Code string
}

// IDPreset is one of Stripe's test identity numbers.
type IDPreset struct {
	Name     string
	IDNumber string
	Expect   string
}

const (
	msgDeclined = "Your card was declined."
	msgAuthReq  = "Your card was declined. This transaction requires authentication."
	// TestRouting is the routing number of Stripe's test bank.
	TestRouting = "110000000"
	// TestBankName is the bank_name Stripe reports for TestRouting.
	TestBankName = "STRIPE TEST BANK"
)

// Cards is the catalog of Stripe's test cards, in the order of Stripe's docs.
var Cards = withExpects([]CardPreset{
	{Name: "visa", Number: "4242424242424242", Brand: "Visa", Funding: "credit", Country: "US", PaymentMethod: "pm_card_visa", MagicToken: "tok_visa", Expect: "charges succeed"},
	{Name: "visa_debit", Number: "4000056655665556", Brand: "Visa", Funding: "debit", Country: "US", PaymentMethod: "pm_card_visa_debit", MagicToken: "tok_visa_debit", Expect: "charges succeed"},
	{Name: "mastercard", Number: "5555555555554444", Brand: "MasterCard", Funding: "credit", Country: "US", PaymentMethod: "pm_card_mastercard", MagicToken: "tok_mastercard", Expect: "charges succeed"},
	{Name: "mastercard_2series", Number: "2223003122003222", Brand: "MasterCard", Funding: "credit", Country: "US", Expect: "charges succeed"},
	{Name: "mastercard_debit", Number: "5200828282828210", Brand: "MasterCard", Funding: "debit", Country: "US", PaymentMethod: "pm_card_mastercard_debit", MagicToken: "tok_mastercard_debit", Expect: "charges succeed"},
	{Name: "mastercard_prepaid", Number: "5105105105105100", Brand: "MasterCard", Funding: "prepaid", Country: "US", PaymentMethod: "pm_card_mastercard_prepaid", MagicToken: "tok_mastercard_prepaid", Expect: "charges succeed"},
	{Name: "amex", Number: "378282246310005", Brand: "American Express", Funding: "credit", Country: "US", PaymentMethod: "pm_card_amex", MagicToken: "tok_amex", Expect: "charges succeed"},
	{Name: "amex_2", Number: "371449635398431", Brand: "American Express", Funding: "credit", Country: "US", Expect: "charges succeed"},
	{Name: "discover", Number: "6011111111111117", Brand: "Discover", Funding: "credit", Country: "US", PaymentMethod: "pm_card_discover", MagicToken: "tok_discover", Expect: "charges succeed"},
	{Name: "diners", Number: "3056930009020004", Brand: "Diners Club", Funding: "credit", Country: "US", PaymentMethod: "pm_card_diners", MagicToken: "tok_diners", Expect: "charges succeed"},
	{Name: "jcb", Number: "3566002020360505", Brand: "JCB", Funding: "credit", Country: "JP", PaymentMethod: "pm_card_jcb", MagicToken: "tok_jcb", Expect: "charges succeed"},
	{Name: "unionpay", Number: "6200000000000005", Brand: "UnionPay", Funding: "credit", Country: "CN", PaymentMethod: "pm_card_unionpay", MagicToken: "tok_unionpay", Expect: "charges succeed"},

	{Name: "generic_decline", Number: "4000000000000002", Brand: "Visa", Funding: "credit", Country: "US", PaymentMethod: "pm_card_visa_chargeDeclined", MagicToken: "tok_visa_chargeDeclined",
		Outcome: Outcome{Code: "card_declined", DeclineCode: "generic_decline", Message: msgDeclined, NoAttach: true},
		Explain: "4000000000000002 simulates an issuer that declines without saying why. A real customer sees \"Your card was declined\" and should contact their bank or use another card."},
	{Name: "insufficient_funds", Number: "4000000000009995", Brand: "Visa", Funding: "credit", Country: "US", PaymentMethod: "pm_card_visa_chargeDeclinedInsufficientFunds", MagicToken: "tok_visa_chargeDeclinedInsufficientFunds",
		Outcome: Outcome{Code: "card_declined", DeclineCode: "insufficient_funds", Message: "Your card has insufficient funds.", NoAttach: true},
		Explain: "4000000000009995 simulates a card without enough funds. A real customer sees \"Your card has insufficient funds\" and must use another card."},
	{Name: "lost_card", Number: "4000000000009987", Brand: "Visa", Funding: "credit", Country: "US", PaymentMethod: "pm_card_visa_chargeDeclinedLostCard", MagicToken: "tok_visa_chargeDeclinedLostCard",
		Outcome: Outcome{Code: "card_declined", DeclineCode: "lost_card", Message: msgDeclined, NoAttach: true},
		Explain: "4000000000009987 simulates a card reported lost. A real customer sees only \"Your card was declined\" (the reason is hidden from a possible fraudster)."},
	{Name: "stolen_card", Number: "4000000000009979", Brand: "Visa", Funding: "credit", Country: "US", PaymentMethod: "pm_card_visa_chargeDeclinedStolenCard", MagicToken: "tok_visa_chargeDeclinedStolenCard",
		Outcome: Outcome{Code: "card_declined", DeclineCode: "stolen_card", Message: msgDeclined, NoAttach: true},
		Explain: "4000000000009979 simulates a card reported stolen. A real customer sees only \"Your card was declined\" (the reason is hidden from a possible fraudster)."},
	{Name: "expired_card", Number: "4000000000000069", Brand: "Visa", Funding: "credit", Country: "US", PaymentMethod: "pm_card_chargeDeclinedExpiredCard", MagicToken: "tok_chargeDeclinedExpiredCard",
		Outcome: Outcome{Code: "expired_card", DeclineCode: "expired_card", Message: "Your card has expired.", NoAttach: true},
		Explain: "4000000000000069 simulates an expired card, whatever expiry date was entered. A real customer sees \"Your card has expired\" and must use another card."},
	{Name: "incorrect_cvc", Number: "4000000000000127", Brand: "Visa", Funding: "credit", Country: "US", PaymentMethod: "pm_card_chargeDeclinedIncorrectCvc", MagicToken: "tok_chargeDeclinedIncorrectCvc",
		Outcome: Outcome{Code: "incorrect_cvc", DeclineCode: "incorrect_cvc", Message: "Your card's security code is incorrect.", NoAttach: true, CVCCheck: "fail"},
		Explain: "4000000000000127 simulates a wrong security code. A real customer sees \"Your card's security code is incorrect\" and can retry with the right CVC."},
	{Name: "processing_error", Number: "4000000000000119", Brand: "Visa", Funding: "credit", Country: "US", PaymentMethod: "pm_card_chargeDeclinedProcessingError", MagicToken: "tok_chargeDeclinedProcessingError",
		Outcome: Outcome{Code: "processing_error", DeclineCode: "processing_error", Message: "An error occurred while processing your card. Try again in a little bit.", NoAttach: true},
		Explain: "4000000000000119 simulates a processing error at the issuer. A real customer sees \"An error occurred while processing your card\" and can try again later."},
	{Name: "card_velocity_exceeded", Number: "4000000000006975", Brand: "Visa", Funding: "credit", Country: "US", PaymentMethod: "pm_card_visa_chargeDeclinedVelocityLimitExceeded",
		Outcome: Outcome{Code: "card_declined", DeclineCode: "card_velocity_exceeded", Message: "Your card was declined for making repeated attempts too frequently or exceeding its amount limit.", NoAttach: true},
		Explain: "4000000000006975 simulates a card over its velocity or amount limit. A real customer is told they made too many attempts and should wait or use another card."},
	{Name: "customer_charge_fail", Number: "4000000000000341", Brand: "Visa", Funding: "credit", Country: "US", PaymentMethod: "pm_card_chargeCustomerFail", MagicToken: "tok_chargeCustomerFail",
		Outcome: Outcome{Code: "card_declined", DeclineCode: "generic_decline", Message: msgDeclined},
		Expect:  "attaches to a customer, then every charge fails: card_declined / generic_decline",
		Explain: "4000000000000341 attaches to a customer but every charge on it fails, as a saved card that later starts declining. A real customer sees \"Your card was declined\"."},
	{Name: "incorrect_number", Number: "4242424242424241", Brand: "Visa", Funding: "credit", Country: "US", TokenizeCode: "incorrect_number",
		Expect:  "fails at tokenization: incorrect_number (Luhn check)",
		Explain: "4242424242424241 fails the Luhn check, so Stripe refuses it before any token exists. A real customer sees \"Your card number is incorrect\"."},

	{Name: "radar_block", Number: "4100000000000019", Brand: "Visa", Funding: "credit", Country: "US", PaymentMethod: "pm_card_radarBlock", MagicToken: "tok_radarBlock",
		Outcome: Outcome{Code: "card_declined", DeclineCode: "fraudulent", Message: msgDeclined, Risk: "highest", Blocked: true},
		Expect:  "always blocked by Radar: card_declined / fraudulent",
		Explain: "4100000000000019 is always blocked by Radar as fraudulent. A real customer sees only \"Your card was declined\"."},
	{Name: "highest_risk", Number: "4000000000004954", Brand: "Visa", Funding: "credit", Country: "US", PaymentMethod: "pm_card_riskLevelHighest",
		Outcome: Outcome{Code: "card_declined", DeclineCode: "fraudulent", Message: msgDeclined, Risk: "highest", Blocked: true},
		Expect:  "risk level highest: blocked by Radar's default rules",
		Explain: "4000000000004954 gets Radar's highest risk level, which the default rules block. A real customer sees only \"Your card was declined\"."},
	{Name: "elevated_risk", Number: "4000000000009235", Brand: "Visa", Funding: "credit", Country: "US", PaymentMethod: "pm_card_riskLevelElevated",
		Outcome: Outcome{Risk: "elevated"},
		Expect:  "succeeds with risk level elevated (review it in Radar)"},
	{Name: "cvc_check_fail", Number: "4000000000000101", Brand: "Visa", Funding: "credit", Country: "US", PaymentMethod: "pm_card_cvcCheckFail",
		Outcome: Outcome{Code: "incorrect_cvc", DeclineCode: "incorrect_cvc", Message: "Your card's security code is incorrect.", CVCCheck: "fail"},
		Expect:  "cvc_check fails: declined as incorrect_cvc when a CVC is given",
		Explain: "4000000000000101 fails the CVC check; Radar's default rule declines charges whose CVC check fails. A real customer is asked to check the security code."},
	{Name: "zip_check_fail", Number: "4000000000000036", Brand: "Visa", Funding: "credit", Country: "US", PaymentMethod: "pm_card_avsZipFail",
		Outcome: Outcome{ZipCheck: "fail"}, Expect: "succeeds; address_zip_check fails"},
	{Name: "address_check_fail", Number: "4000000000000010", Brand: "Visa", Funding: "credit", Country: "US", PaymentMethod: "pm_card_avsFail",
		Outcome: Outcome{ZipCheck: "fail", Line1Check: "fail"}, Expect: "succeeds; address_line1_check and address_zip_check fail"},
	{Name: "line1_check_fail", Number: "4000000000000028", Brand: "Visa", Funding: "credit", Country: "US", PaymentMethod: "pm_card_avsLine1Fail",
		Outcome: Outcome{Line1Check: "fail", ZipCheck: "pass"}, Expect: "succeeds; address_line1_check fails"},
	{Name: "address_unavailable", Number: "4000000000000044", Brand: "Visa", Funding: "credit", Country: "US", PaymentMethod: "pm_card_avsUnchecked",
		Outcome: Outcome{ZipCheck: "unavailable", Line1Check: "unavailable"}, Expect: "succeeds; address checks unavailable"},

	{Name: "threeds_setup", Number: "4000002500003155", Brand: "Visa", Funding: "credit", Country: "US", PaymentMethod: "pm_card_authenticationRequiredOnSetup",
		Outcome: Outcome{Code: "card_declined", DeclineCode: "authentication_required", Message: msgAuthReq, ThreeDS: ThreeDSUnlessSetup},
		Expect:  "3D Secure unless set up: a PaymentIntent needs authentication; a plain charge: card_declined / authentication_required",
		Explain: "4000002500003155 needs 3D Secure authentication for one-off payments; the Charges API cannot authenticate, so the charge is declined. A real customer would be asked to authenticate."},
	{Name: "threeds_always", Number: "4000002760003184", Brand: "Visa", Funding: "credit", Country: "US", PaymentMethod: "pm_card_authenticationRequired",
		Outcome: Outcome{Code: "card_declined", DeclineCode: "authentication_required", Message: msgAuthReq, ThreeDS: ThreeDSRequired},
		Expect:  "3D Secure on every payment: a PaymentIntent needs authentication; a plain charge: card_declined / authentication_required",
		Explain: "4000002760003184 needs 3D Secure on every payment; the Charges API cannot authenticate, so the charge is declined. A real customer would be asked to authenticate."},
	{Name: "threeds_required", Number: "4000000000003220", Brand: "Visa", Funding: "credit", Country: "IE", PaymentMethod: "pm_card_threeDSecure2Required", MagicToken: "tok_threeDSecure2Required",
		Outcome: Outcome{Code: "card_declined", DeclineCode: "authentication_required", Message: msgAuthReq, ThreeDS: ThreeDSRequired},
		Expect:  "3D Secure 2 required: a PaymentIntent needs authentication; a plain charge: card_declined / authentication_required",
		Explain: "4000000000003220 requires 3D Secure 2; the Charges API cannot authenticate, so the charge is declined. A real customer would be asked to authenticate."},
	{Name: "threeds_declined", Number: "4000008400001629", Brand: "Visa", Funding: "credit", Country: "US", PaymentMethod: "pm_card_threeDSecureRequiredChargeDeclined", MagicToken: "tok_threeDSecureRequiredChargeDeclined",
		Outcome: Outcome{Code: "card_declined", DeclineCode: "authentication_required", Message: msgAuthReq, ThreeDS: ThreeDSRequired,
			AfterAuth: &Outcome{Code: "card_declined", DeclineCode: "generic_decline", Message: msgDeclined}},
		Expect:  "3D Secure required, then declined after authentication: card_declined",
		Explain: "4000008400001629 requires 3D Secure and is declined even after authentication. A real customer sees \"Your card was declined\"."},
	{Name: "threeds_supported", Number: "4000000000003055", Brand: "Visa", Funding: "credit", Country: "US", PaymentMethod: "pm_card_threeDSecureOptional", MagicToken: "tok_threeDSecureOptional",
		Outcome: Outcome{ThreeDS: ThreeDSOptional},
		Expect:  "3D Secure supported, not required: payments succeed without a challenge",
		Explain: "4000000000003055 supports 3D Secure without requiring it: payments succeed without a challenge unless one requests 3D Secure (request_three_d_secure any or challenge), which then asks the customer."},

	// Added after the first catalog; kept at the end so pickers keep their order.
	{Name: "threeds_off_session", Number: "4000003800000446", Brand: "Visa", Funding: "credit", Country: "US", PaymentMethod: "pm_card_authenticationRequiredSetupForOffSession",
		Outcome: Outcome{Code: "card_declined", DeclineCode: "authentication_required", Message: msgAuthReq, ThreeDS: ThreeDSOnSession},
		Expect:  "3D Secure on-session only: off-session PaymentIntents succeed as if set up; a plain charge: authentication_required",
		Explain: "4000003800000446 asks for 3D Secure on on-session payments; off-session payments succeed as if the card had been set up. The Charges API cannot authenticate, so a charge is declined."},
	{Name: "threeds_no_funds", Number: "4000008260003178", Brand: "Visa", Funding: "credit", Country: "US", PaymentMethod: "pm_card_authenticationRequiredChargeDeclinedInsufficientFunds",
		Outcome: Outcome{Code: "card_declined", DeclineCode: "authentication_required", Message: msgAuthReq, ThreeDS: ThreeDSRequired,
			AfterAuth: &Outcome{Code: "card_declined", DeclineCode: "insufficient_funds", Message: "Your card has insufficient funds."}},
		Expect:  "3D Secure required, then declined after authentication: card_declined / insufficient_funds",
		Explain: "4000008260003178 asks for 3D Secure and, once authenticated, is declined for insufficient funds. A real customer must use another card."},
	{Name: "threeds1_required", Number: "4000000000003063", Brand: "Visa", Funding: "credit", Country: "US", PaymentMethod: "pm_card_threeDSecureRequired",
		Outcome: Outcome{Code: "card_declined", DeclineCode: "authentication_required", Message: msgAuthReq, ThreeDS: ThreeDSRequired},
		Expect:  "3D Secure required: a PaymentIntent needs authentication; a plain charge: card_declined / authentication_required"},
	{Name: "threeds_processing", Number: "4000008400001280", Brand: "Visa", Funding: "credit", Country: "US", PaymentMethod: "pm_card_threeDSecureRequiredProcessingError", MagicToken: "tok_threeDSecureRequiredProcessingError",
		Outcome: Outcome{Code: "card_declined", DeclineCode: "authentication_required", Message: msgAuthReq, ThreeDS: ThreeDSRequired,
			AfterAuth: &Outcome{Code: "processing_error", DeclineCode: "processing_error", Message: "An error occurred while processing your card. Try again in a little bit."}},
		Expect:  "3D Secure required, then processing_error after authentication",
		Explain: "4000008400001280 asks for 3D Secure and, once authenticated, fails with a processing error. A real customer can try again later."},

	{Name: "dispute_fraudulent", Number: "4000000000000259", Brand: "Visa", Funding: "credit", Country: "US", MagicToken: "tok_createDispute", PaymentMethod: "pm_card_createDispute",
		Outcome: Outcome{Dispute: "fraudulent"},
		Expect:  "succeeds, then a dispute opens: reason fraudulent, needs_response",
		Explain: "4000000000000259 is charged, then the cardholder disputes the payment as fraudulent. Respond with evidence (winning_evidence or losing_evidence in a test) or accept the loss."},
	{Name: "dispute_not_received", Number: "4000000000002685", Brand: "Visa", Funding: "credit", Country: "US", MagicToken: "tok_createDisputeProductNotReceived", PaymentMethod: "pm_card_createDisputeProductNotReceived",
		Outcome: Outcome{Dispute: "product_not_received"},
		Expect:  "succeeds, then a dispute opens: reason product_not_received, needs_response",
		Explain: "4000000000002685 is charged, then the cardholder disputes it as never received. Respond with evidence of delivery or accept the loss."},
	{Name: "dispute_inquiry", Number: "4000000000001976", Brand: "Visa", Funding: "credit", Country: "US", MagicToken: "tok_createDisputeInquiry", PaymentMethod: "pm_card_createDisputeInquiry",
		Outcome: Outcome{Dispute: "inquiry"},
		Expect:  "succeeds, then an inquiry opens: warning_needs_response",
		Explain: "4000000000001976 is charged, then the issuer opens an inquiry: not yet a dispute, answer it to keep it from becoming one."},
	{Name: "early_fraud_warning", Number: "4000000000005423", Brand: "Visa", Funding: "credit", Country: "US", MagicToken: "tok_createIssuerFraudRecord", PaymentMethod: "pm_card_createIssuerFraudRecord",
		Outcome: Outcome{Dispute: "warning"},
		Expect:  "succeeds, then an early fraud warning is issued"},

	{Name: "refund_pending", Number: "4000000000007726", Brand: "Visa", Funding: "credit", Country: "US", MagicToken: "tok_pendingRefund", PaymentMethod: "pm_card_pendingRefund",
		Outcome: Outcome{Refund: RefundPendingFirst},
		Expect:  "succeeds; a refund is pending, then succeeds (charge.refund.updated)"},
	{Name: "refund_fails", Number: "4000000000005126", Brand: "Visa", Funding: "credit", Country: "US", MagicToken: "tok_refundFail", PaymentMethod: "pm_card_refundFail",
		Outcome: Outcome{Refund: RefundFailsLater},
		Expect:  "succeeds; a refund succeeds, then fails (charge.refund.updated)"},
	{Name: "bypass_pending", Number: "4000000000000077", Brand: "Visa", Funding: "credit", Country: "US", MagicToken: "tok_bypassPending", PaymentMethod: "pm_card_bypassPending",
		Expect: "succeeds; funds go straight to the available balance"},

	{Name: "discover_2", Number: "6011000990139424", Brand: "Discover", Funding: "credit", Country: "US", Expect: "charges succeed"},
	{Name: "discover_debit", Number: "6011981111111113", Brand: "Discover", Funding: "debit", Country: "US", Expect: "charges succeed"},
	{Name: "diners_14", Number: "36227206271667", Brand: "Diners Club", Funding: "credit", Country: "US", Expect: "charges succeed"},
	{Name: "unionpay_debit", Number: "6200000000000047", Brand: "UnionPay", Funding: "debit", Country: "CN", Expect: "charges succeed"},

	{Name: "visa_br", Number: "4000000760000002", Brand: "Visa", Funding: "credit", Country: "BR", PaymentMethod: "pm_card_br", Expect: "charges succeed (Brazil)"},
	{Name: "visa_ca", Number: "4000001240000000", Brand: "Visa", Funding: "credit", Country: "CA", PaymentMethod: "pm_card_ca", Expect: "charges succeed (Canada)"},
	{Name: "visa_mx", Number: "4000004840008001", Brand: "Visa", Funding: "credit", Country: "MX", PaymentMethod: "pm_card_mx", Expect: "charges succeed (Mexico)"},
	{Name: "visa_au", Number: "4000000360000006", Brand: "Visa", Funding: "credit", Country: "AU", PaymentMethod: "pm_card_au", Expect: "charges succeed (Australia)"},
	{Name: "visa_gb", Number: "4000008260000000", Brand: "Visa", Funding: "credit", Country: "GB", PaymentMethod: "pm_card_gb", Expect: "charges succeed (United Kingdom)"},
	{Name: "visa_fr", Number: "4000002500000003", Brand: "Visa", Funding: "credit", Country: "FR", PaymentMethod: "pm_card_fr", Expect: "charges succeed (France)"},
	{Name: "visa_de", Number: "4000002760000016", Brand: "Visa", Funding: "credit", Country: "DE", PaymentMethod: "pm_card_de", Expect: "charges succeed (Germany)"},
	{Name: "visa_jp", Number: "4000003920000003", Brand: "Visa", Funding: "credit", Country: "JP", PaymentMethod: "pm_card_jp", Expect: "charges succeed (Japan)"},
	{Name: "visa_in", Number: "4000003560000008", Brand: "Visa", Funding: "credit", Country: "IN", PaymentMethod: "pm_card_in", Expect: "charges succeed (India)"},

	// 3D Secure cards of Stripe's testing docs added later, at the end so
	// pickers keep their order.
	{Name: "threeds_frictionless", Number: "4000000032200000", Brand: "Visa", Funding: "credit", Country: "US",
		Outcome: Outcome{Code: "card_declined", DeclineCode: "authentication_required", Message: msgAuthReq, ThreeDS: ThreeDSFrictionless},
		Expect:  "3D Secure frictionless: a PaymentIntent succeeds authenticated, no challenge; a plain charge: authentication_required",
		Explain: "4000000032200000 runs 3D Secure on every payment and the issuer authenticates it without a challenge (frictionless flow). The Charges API cannot authenticate, so a charge is declined."},
	{Name: "threeds_required_us", Number: "4000008400000027", Brand: "Visa", Funding: "credit", Country: "US",
		Outcome: Outcome{Code: "card_declined", DeclineCode: "authentication_required", Message: msgAuthReq, ThreeDS: ThreeDSRequired},
		Expect:  "3D Secure 2 required (US): a PaymentIntent needs authentication; a plain charge: authentication_required"},
	{Name: "threeds_optional_error", Number: "4000000000003097", Brand: "Visa", Funding: "credit", Country: "US",
		PaymentMethod: "pm_card_threeDSecureOptionalProcessingError", MagicToken: "tok_threeDSecureOptionalProcessingError",
		Outcome: Outcome{ThreeDS: ThreeDSOptionalError},
		Expect:  "3D Secure supported, not required: succeeds; a requested attempt fails (processing_error), the payment goes on",
		Explain: "4000000000003097 supports 3D Secure without requiring it; when a payment requests 3D Secure, the attempt fails with a processing error and the payment goes on unauthenticated."},
})

// Banks is the catalog of Stripe's US test bank accounts.
var Banks = []BankPreset{
	{Name: "bank_ok", RoutingNumber: TestRouting, AccountNumber: "000123456789", Expect: "debits succeed"},
	{Name: "bank_account_closed", RoutingNumber: TestRouting, AccountNumber: "000111111113", Code: "account_closed", Expect: "debits fail: account_closed",
		Explain: "000111111113 simulates a closed account: the token and customer work, debits fail with account_closed."},
	{Name: "bank_no_account", RoutingNumber: TestRouting, AccountNumber: "000111111116", Code: "no_account", Expect: "debits fail: no_account",
		Explain: "000111111116 simulates an account that does not exist: debits fail with no_account."},
	{Name: "bank_insufficient_funds", RoutingNumber: TestRouting, AccountNumber: "000222222227", Code: "insufficient_funds", Expect: "debits fail: insufficient_funds",
		Explain: "000222222227 simulates an account without enough funds: debits fail with insufficient_funds."},
	{Name: "bank_debit_not_authorized", RoutingNumber: TestRouting, AccountNumber: "000333333335", Code: "debit_not_authorized", Expect: "debits fail: debit_not_authorized",
		Explain: "000333333335 simulates a customer disputing the debit: debits fail with debit_not_authorized."},
	{Name: "bank_invalid_currency", RoutingNumber: TestRouting, AccountNumber: "000444444440", Code: "invalid_currency", Expect: "debits fail: invalid_currency",
		Explain: "000444444440 simulates an account that cannot take the currency: debits fail with invalid_currency."},
	{Name: "bank_processing", RoutingNumber: TestRouting, AccountNumber: "000000000009", Expect: "debits stay processing",
		Explain: "000000000009 keeps every debit in processing, to test waiting states."},
}

// IDNumbers is the catalog of Stripe's test identity numbers.
var IDNumbers = []IDPreset{
	{Name: "id_match", IDNumber: "000000000", Expect: "verification matches"},
	{Name: "id_mismatch", IDNumber: "111111111", Expect: "verification does not match"},
	{Name: "id_match_immediately", IDNumber: "222222222", Expect: "verification matches immediately"},
}

// MagicTokens maps each of Stripe's magic test tokens to its card. Stripe
// also accepts tok_chargeDeclined, the older name of tok_visa_chargeDeclined,
// and names the amex card tok_amex_threeDSecureNotSupported in its 3D
// Secure tests.
var MagicTokens = func() map[string]*CardPreset {
	m := map[string]*CardPreset{}
	for i := range Cards {
		if Cards[i].MagicToken != "" {
			m[Cards[i].MagicToken] = &Cards[i]
		}
	}
	m["tok_chargeDeclined"] = m["tok_visa_chargeDeclined"]
	m["tok_amex_threeDSecureNotSupported"] = m["tok_amex"]
	return m
}()

// TestPaymentMethods maps each of Stripe's test PaymentMethods to its card.
// Stripe also accepts pm_card_chargeDeclined, the shorter name of
// pm_card_visa_chargeDeclined, and pm_card_amex_threeDSecureNotSupported
// for the amex card.
var TestPaymentMethods = func() map[string]*CardPreset {
	m := map[string]*CardPreset{}
	for i := range Cards {
		if Cards[i].PaymentMethod != "" {
			m[Cards[i].PaymentMethod] = &Cards[i]
		}
	}
	m["pm_card_chargeDeclined"] = m["pm_card_visa_chargeDeclined"]
	m["pm_card_amex_threeDSecureNotSupported"] = m["pm_card_amex"]
	return m
}()

var (
	cardsByName   = index(Cards, func(c *CardPreset) string { return c.Name })
	cardsByNumber = index(Cards, func(c *CardPreset) string { return c.Number })
	banksByName   = index(Banks, func(b *BankPreset) string { return b.Name })
	banksByNumber = index(Banks, func(b *BankPreset) string { return b.AccountNumber })
	idsByName     = index(IDNumbers, func(p *IDPreset) string { return p.Name })
	idsByNumber   = index(IDNumbers, func(p *IDPreset) string { return p.IDNumber })
)

func index[T any](list []T, key func(*T) string) map[string]*T {
	m := make(map[string]*T, len(list))
	for i := range list {
		m[key(&list[i])] = &list[i]
	}
	return m
}

// withExpects fills in what a card's preset picker and plans say of it
// when the catalog entry does not: its outcome in words.
func withExpects(cards []CardPreset) []CardPreset {
	for i := range cards {
		c := &cards[i]
		if c.Expect == "" {
			if c.Outcome.Declines() {
				c.Expect = "declines when charged: " + c.Outcome.Codes()
			} else {
				c.Expect = "charges succeed"
			}
		}
		if c.Explain == "" {
			c.Explain = c.Number + ": " + c.Expect + "."
		}
	}
	return cards
}

// CardByName finds a test card by preset name.
func CardByName(name string) (*CardPreset, bool) {
	c, ok := cardsByName[strings.ToLower(name)]
	return c, ok
}

// CardByNumber finds a test card by its number (digits only).
func CardByNumber(number string) (*CardPreset, bool) {
	c, ok := cardsByNumber[Digits(number)]
	return c, ok
}

// BankByName finds a test bank account by preset name.
func BankByName(name string) (*BankPreset, bool) {
	b, ok := banksByName[strings.ToLower(name)]
	return b, ok
}

// BankByAccount finds a test bank account by its account number.
func BankByAccount(number string) (*BankPreset, bool) {
	b, ok := banksByNumber[number]
	return b, ok
}

// IDByName finds a test identity number by preset name.
func IDByName(name string) (*IDPreset, bool) {
	p, ok := idsByName[strings.ToLower(name)]
	return p, ok
}

// IDByNumber finds a test identity number by the number (digits only).
func IDByNumber(number string) (*IDPreset, bool) {
	p, ok := idsByNumber[Digits(number)]
	return p, ok
}

// Digits strips spaces and dashes that people type inside card numbers.
func Digits(s string) string { return digitJoiners.Replace(s) }

// digitJoiners is built once: a Replacer builds its tables on first use,
// which cost more than the replacing on every card the emulator tokenized.
var digitJoiners = strings.NewReplacer(" ", "", "-", "")
