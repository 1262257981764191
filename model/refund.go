package model

// RefundRequest asks to refund a charge (ch_, or py_ for a bank debit) or
// a PaymentIntent (pi_): Amount in the currency's smallest unit, 0 for all
// that remains.
type RefundRequest struct {
	Of     string `json:"of"`
	Amount int64  `json:"amount,omitempty"`
	// IdempotencyKey is sent as the Idempotency-Key header; "" lets the
	// client make one up.
	IdempotencyKey string `json:"-"`
}

// RefundablePrefixes are the ids a refund takes: charges, bank debits and
// PaymentIntents.
var RefundablePrefixes = []string{"ch_", "py_", "pi_"}

// RefundParam is the parameter a refund names id in: payment_intent for a
// pi_, charge otherwise.
func RefundParam(id string) string {
	if len(id) > 3 && id[:3] == "pi_" {
		return "payment_intent"
	}
	return "charge"
}

// ValidateRefund checks a refund before it is sent.
func ValidateRefund(req RefundRequest) error {
	if fe := ValidateObjectID(req.Of, RefundParam(req.Of), "charge or PaymentIntent", RefundablePrefixes...); fe != nil {
		return fe
	}
	if req.Amount < 0 {
		return requestErr("parameter_invalid_integer", ParamAmount, "the amount must be a positive integer in the currency's smallest unit (or none, to refund all that remains)")
	}
	return nil
}

// CustomerCharge asks to charge a customer's default source: a card, or
// a verified bank account (an ACH debit).
type CustomerCharge struct {
	Customer string `json:"customer"`
	Amount   int64  `json:"amount"`
	Currency string `json:"currency"`
	// IdempotencyKey is sent as the Idempotency-Key header.
	IdempotencyKey string `json:"-"`
}

// ValidateCustomerCharge checks a customer charge before it is sent.
func ValidateCustomerCharge(req CustomerCharge) error {
	if fe := ValidateObjectID(req.Customer, "customer", "customer", "cus_"); fe != nil {
		return fe
	}
	if fe := first(
		func() *FieldError { return ValidateCurrency(req.Currency) },
		func() *FieldError { return ValidateAmount(req.Amount, req.Currency) },
	); fe != nil {
		return fe
	}
	return nil
}

// VerifyRequest asks to verify a customer's bank account with the two
// micro-deposit amounts (32 and 45 in test mode).
type VerifyRequest struct {
	Customer string   `json:"customer"`
	Bank     string   `json:"bank_account"`
	Amounts  [2]int64 `json:"amounts"`
}

// ValidateVerify checks a verification before it is sent.
func ValidateVerify(req VerifyRequest) error {
	if fe := ValidateObjectID(req.Customer, "customer", "customer", "cus_"); fe != nil {
		return fe
	}
	if fe := ValidateObjectID(req.Bank, "id", "bank account", "ba_"); fe != nil {
		return fe
	}
	for _, a := range req.Amounts {
		if a < 1 || a > 99 {
			return requestErr("parameter_invalid_integer", "amounts", "each micro-deposit amount is 1 to 99 cents (Stripe's test deposits are 32 and 45)")
		}
	}
	return nil
}
