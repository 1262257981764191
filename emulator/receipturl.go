package emulator

// receiptURL is a charge's receipt_url, shaped as Stripe's
// (https://pay.stripe.com/receipts/payment/<token>) and stable per
// charge; it does not resolve: the emulator renders no receipts. A failed
// charge has none.
func receiptURL(chargeID, status string) *string {
	if status == "failed" {
		return nil
	}
	return opt("https://pay.stripe.com/receipts/payment/CAcaFwoV" + stableID("", "receipt:"+chargeID, 32))
}
