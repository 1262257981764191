package cli

import (
	"errors"
	"net/http"

	"github.com/tokenscope/tokenscope/model"
)

// Exit codes, as the README's Exit codes table documents them.
const (
	ExitOK        = 0
	ExitRefused   = 1 // the API refused (card_error, invalid_request_error, ...), or the state is locked or unreadable
	ExitUsage     = 2 // bad usage or a local check
	ExitTransient = 3 // network or server fault: retrying later may work
)

// ExitCode maps an error to the process exit code. 429 counts as a fault
// (3), not a refusal: nothing was wrong with the request and the same
// command succeeds once the rate drops, which is what scripts need to know
// to retry. A command line that cannot run and a local check are usage
// errors (2); an error that is no *model.Error is 1, a state lock held by
// another process or a state file that cannot be read among them
// (Terraform exits 1 on a lock error too).
func ExitCode(err error) int {
	if err == nil {
		return ExitOK
	}
	var u usageError
	if errors.As(err, &u) {
		return ExitUsage
	}
	e, ok := model.AsError(err)
	switch {
	case !ok && model.LocalCodeOf(err) == model.CodeNoAnswer:
		return ExitTransient // the write's time ran out: retrying later may work
	case !ok:
		return ExitRefused
	case e.Local:
		return ExitUsage
	case e.Type == model.TypeConnection, e.HTTPStatus >= 500, e.HTTPStatus == http.StatusTooManyRequests:
		return ExitTransient
	}
	return ExitRefused
}
