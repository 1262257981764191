package client

import "github.com/tokenscope/tokenscope/model"

// CheckMove refuses a move whose input is bad (an id of the wrong kind, a
// negative amount…) as the client's method for it would, before sending.
// The service runs it before the move's write-ahead record is saved, so
// bad input fails at once, as CheckCreate's does, and nothing a person
// typed where an id belongs (a card number) reaches the state.
func CheckMove(m model.MoveRequest) error {
	switch m.Action {
	case model.MoveRefund:
		return fromValidation(model.ValidateRefund(m.RefundRequest()))
	case model.MoveCharge:
		return fromValidation(model.ValidateCustomerCharge(m.CustomerCharge()))
	case model.MoveVerify:
		return fromValidation(model.ValidateVerify(m.VerifyRequest()))
	case model.MoveCapture:
		if isCharge(m.ID) {
			return checkChargeID(m.ID)
		}
		return checkPaymentIntentID(m.ID)
	case model.MoveCancel:
		return checkPaymentIntentID(m.ID)
	case model.MoveAnswer:
		return idError(model.ValidateObjectID(m.ID, "dispute", "dispute", "du_", "dp_"))
	case model.MoveAttach:
		if err := checkPaymentMethodID(m.ID); err != nil {
			return err
		}
		return idError(model.ValidateObjectID(m.Customer, "customer", "customer", "cus_"))
	case model.MoveDetach:
		return checkPaymentMethodID(m.ID)
	}
	return nil
}

// idError is fe explained, nil for none (not a nil *FieldError in an
// error).
func idError(fe *model.FieldError) error {
	if fe == nil {
		return nil
	}
	return fromValidation(fe)
}
