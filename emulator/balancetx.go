package emulator

import (
	"math"
	"time"
)

// A succeeded charge's balance transaction is derived from the charge (the
// emulator keeps no balance of its own): Stripe's standard US card pricing,
// settled in the charge's currency, available two days after the charge.

const (
	feePercent = 2.9
	feeFixed   = 30 // in the currency's smallest unit
	settleDays = 2
)

type balanceTxJSON struct {
	ID                string      `json:"id"`
	Object            string      `json:"object"`
	Amount            int64       `json:"amount"`
	AvailableOn       int64       `json:"available_on"`
	BalanceType       string      `json:"balance_type"`
	Created           int64       `json:"created"`
	Currency          string      `json:"currency"`
	Description       *string     `json:"description"`
	ExchangeRate      *float64    `json:"exchange_rate"`
	Fee               int64       `json:"fee"`
	FeeDetails        []feeDetail `json:"fee_details"`
	Net               int64       `json:"net"`
	ReportingCategory string      `json:"reporting_category"`
	Source            string      `json:"source"`
	Status            string      `json:"status"`
	Type              string      `json:"type"`
}

type feeDetail struct {
	Amount      int64   `json:"amount"`
	Application *string `json:"application"`
	Currency    string  `json:"currency"`
	Description string  `json:"description"`
	Type        string  `json:"type"`
}

// renderBalanceTx is ch's balance transaction as it stands at now.
func renderBalanceTx(ch *chargeRec, now time.Time) *balanceTxJSON {
	amount := ch.captured()
	fee := int64(math.Round(float64(amount)*feePercent/100)) + feeFixed
	created := time.Unix(ch.Created, 0).UTC()
	available := created.Truncate(24*time.Hour).AddDate(0, 0, settleDays)
	status := "pending"
	if !now.Before(available) {
		status = "available"
	}
	return &balanceTxJSON{
		ID: ch.BalanceTx, Object: "balance_transaction", Amount: amount,
		AvailableOn: available.Unix(), BalanceType: "payments", Created: ch.Created,
		Currency: ch.Currency, Description: opt(ch.Description), Fee: fee,
		FeeDetails: []feeDetail{{Amount: fee, Currency: ch.Currency, Description: "Stripe processing fees", Type: "stripe_fee"}},
		Net:        amount - fee, ReportingCategory: "charge", Source: ch.ID,
		Status: status, Type: "charge",
	}
}
