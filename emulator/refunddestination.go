package emulator

// A card refund's destination_details, as Stripe's test mode shows them:
// a refund of a captured charge goes back to the card as a refund whose
// acquirer reference number is pending (the emulator never issues one); a
// refund that releases an authorization is a reversal, with no reference
// to wait for. Refunds of bank debits have none.

// Destinations of a card refund (refundRec.Destination).
const (
	destRefund   = "refund"
	destReversal = "reversal"
)

type refundDestinationJSON struct {
	Card *refundDestinationCard `json:"card,omitempty"`
	Type string                 `json:"type"`
}

type refundDestinationCard struct {
	ReferenceStatus string `json:"reference_status"`
	ReferenceType   string `json:"reference_type"`
	Type            string `json:"type"`
}

// cardDestination is what a refund of ch is: destRefund for a card
// charge, "" for a bank debit.
func cardDestination(ch *chargeRec) string {
	if ch.Card == nil {
		return ""
	}
	return destRefund
}

// destinationDetails is the refund's destination_details, nil for none.
func (re *refundRec) destinationDetails() *refundDestinationJSON {
	status := "pending"
	switch re.Destination {
	case "":
		return nil
	case destReversal:
		status = "unavailable"
	}
	return &refundDestinationJSON{Type: "card", Card: &refundDestinationCard{
		ReferenceStatus: status, ReferenceType: "acquirer_reference_number", Type: re.Destination}}
}
