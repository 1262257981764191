package client

import (
	"time"

	"github.com/tokenscope/tokenscope/model"
)

// CheckCreate is the local check of a token request, refused as the client
// reports it (fromValidation). Client.Create runs it before sending and
// the service before taking the state lock, so bad input fails at once
// even while another tokenscope holds the lock.
func CheckCreate(req model.TokenRequest, now time.Time) error {
	return fromValidation(model.Validate(req, now))
}

// CheckUse is CheckCreate for a use.
func CheckUse(req model.UseRequest) error {
	return fromValidation(model.ValidateUse(req))
}

// CheckUseOf is CheckUse's kind check for a token whose kind the state
// recorded (model.CheckUseOf).
func CheckUseOf(kind model.Kind, req model.UseRequest) error {
	return fromValidation(model.CheckUseOf(kind, req))
}
