package emulator

import (
	"crypto/sha256"
	"fmt"

	"github.com/tokenscope/tokenscope/model"
)

// The 3D Secure a payment ran, as its charge's
// payment_method_details.card.three_d_secure shows it (call.threeDS).
const (
	// threeDSChallenge: the emulator's challenge page, completed
	// (challenge.go), as Stripe's test page is.
	threeDSChallenge = "challenge"
	// threeDSFrictionless: the issuer authenticated without a challenge.
	threeDSFrictionless = "frictionless"
	// threeDSAttempt: the card is not enrolled; the network acknowledged
	// the attempt (Stripe's result attempt_acknowledged).
	threeDSAttempt = "attempt_acknowledged"
	// threeDSError: the attempt failed (Stripe's result processing_error).
	threeDSError = "processing_error"
)

// threeDSRec is how a charge's payment went through 3D Secure.
type threeDSRec struct {
	Flow string `json:"flow"` // challenge, frictionless; "" when none ran
	// Result is "" for authenticated (as records made before Result was
	// kept are), threeDSAttempt or threeDSError.
	Result        string `json:"result,omitempty"`
	Version       string `json:"version"`
	TransactionID string `json:"transaction_id"`
}

// authenticated is the 3D Secure a payment with pm passed: nil unless
// the confirm ran one (c.threeDS).
func authenticated(c *call, pm *paymentMethodRec) *threeDSRec {
	switch c.threeDS {
	case "":
		return nil
	case threeDSError:
		// No authentication message came back: no version, no
		// transaction.
		return &threeDSRec{Result: threeDSError}
	}
	sum := sha256.Sum256([]byte("tokenscope-emulator:3ds:" + pm.ID + fmt.Sprint(c.now.UnixNano())))
	id := fmt.Sprintf("%x-%x-%x-%x-%x", sum[0:4], sum[4:6], sum[6:8], sum[8:10], sum[10:16])
	if c.threeDS == threeDSAttempt {
		return &threeDSRec{Result: threeDSAttempt, Version: "2.2.0", TransactionID: id}
	}
	return &threeDSRec{Flow: c.threeDS, Version: "2.2.0", TransactionID: id}
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

// render is it as Stripe shows it. The electronic commerce indicator is
// 3D Secure's: 05 for a fully authenticated payment and 06 for an
// acknowledged attempt on Visa and the others, 02 and 01 on Mastercard;
// authentication_flow is only for authenticated payments (Stripe's API
// reference).
func (t *threeDSRec) render(brand string) *threeDSJSON {
	if t == nil {
		return nil
	}
	if t.Result == threeDSError {
		return &threeDSJSON{Result: opt(threeDSError)}
	}
	eci, result := "05", "authenticated"
	if t.Result == threeDSAttempt {
		eci, result = "06", threeDSAttempt
	}
	if brand == model.BrandMasterCard {
		eci = map[string]string{"05": "02", "06": "01"}[eci]
	}
	return &threeDSJSON{AuthenticationFlow: opt(t.Flow), ElectronicCommerceIndicator: opt(eci),
		Result: opt(result), TransactionID: opt(t.TransactionID), Version: opt(t.Version)}
}
