package emulator

// A dispute's payment_method_details: the card network it came through
// and the network's reason code for the test card's reason (Visa's
// codes: the dispute test cards are Visa cards), as Stripe's test mode
// shows them. An inquiry is not yet a chargeback and has no reason code.

type disputePMDetails struct {
	Card *disputeCardJSON `json:"card,omitempty"`
	Type string           `json:"type"`
}

type disputeCardJSON struct {
	Brand             string  `json:"brand"`
	CaseType          string  `json:"case_type"`
	Network           string  `json:"network"`
	NetworkReasonCode *string `json:"network_reason_code"`
}

// visaReasonCodes are Visa's dispute reason codes for Stripe's reasons.
var visaReasonCodes = map[string]string{"fraudulent": "10.4", "product_not_received": "13.1"}

// paymentMethodDetails is d's payment_method_details, nil for a dispute
// kept before the emulator noted its network.
func (d *disputeRec) paymentMethodDetails() *disputePMDetails {
	if d.Network == "" {
		return nil
	}
	card := &disputeCardJSON{Brand: d.Network, CaseType: "chargeback", Network: d.Network}
	if d.Inquiry {
		card.CaseType = "inquiry"
	} else if code, ok := visaReasonCodes[d.Reason]; ok && d.Network == "visa" {
		card.NetworkReasonCode = &code
	}
	return &disputePMDetails{Type: "card", Card: card}
}
