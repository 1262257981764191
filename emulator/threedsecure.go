package emulator

import (
	"crypto/sha256"
	"fmt"

	"github.com/tokenscope/tokenscope/model"
)

// threeDSRec is how a charge's payment passed 3D Secure: the emulator's
// challenge page, completed (challenge.go), as Stripe's test page is.
type threeDSRec struct {
	Flow          string `json:"flow"` // challenge
	Version       string `json:"version"`
	TransactionID string `json:"transaction_id"`
}

// authenticated is the 3D Secure a payment with pm passed: nil unless a
// challenge was just completed.
func authenticated(c *call, pm *paymentMethodRec) *threeDSRec {
	if !c.authenticated {
		return nil
	}
	sum := sha256.Sum256([]byte("tokenscope-emulator:3ds:" + pm.ID + fmt.Sprint(c.now.UnixNano())))
	id := fmt.Sprintf("%x-%x-%x-%x-%x", sum[0:4], sum[4:6], sum[6:8], sum[8:10], sum[10:16])
	return &threeDSRec{Flow: "challenge", Version: "2.2.0", TransactionID: id}
}

// threeDSJSON is payment_method_details.card.three_d_secure.
type threeDSJSON struct {
	AuthenticationFlow          *string `json:"authentication_flow"`
	ElectronicCommerceIndicator *string `json:"electronic_commerce_indicator"`
	ExemptionIndicator          *string `json:"exemption_indicator"`
	ExemptionIndicatorApplied   bool    `json:"exemption_indicator_applied"`
	Result                      *string `json:"result"`
	ResultReason                *string `json:"result_reason"`
	TransactionID               *string `json:"transaction_id"`
	Version                     *string `json:"version"`
}

// render is it as Stripe shows an authenticated payment: the
// electronic commerce indicator of a fully authenticated one is 05 on
// Visa and the others, 02 on Mastercard.
func (t *threeDSRec) render(brand string) *threeDSJSON {
	if t == nil {
		return nil
	}
	eci := "05"
	if brand == model.BrandMasterCard {
		eci = "02"
	}
	return &threeDSJSON{AuthenticationFlow: opt(t.Flow), ElectronicCommerceIndicator: opt(eci),
		Result: opt("authenticated"), TransactionID: opt(t.TransactionID), Version: opt(t.Version)}
}
