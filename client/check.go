package client

import (
	"time"

	"github.com/tokenscope/tokenscope/model"
)

// checkCreate is the local check of a token request, refused as the client
// reports it (fromValidation). Client.Create runs it before sending and
// Session.Create before taking the state lock, so bad input fails at once
// even while another tokenscope holds the lock.
func checkCreate(req model.TokenRequest, now time.Time) error {
	return fromValidation(model.Validate(req, now))
}

// checkUse is checkCreate for a use (Client.Use, Session.Use).
func checkUse(req model.UseRequest) error {
	return fromValidation(model.ValidateUse(req))
}
