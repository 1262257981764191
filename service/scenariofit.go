package service

import (
	"fmt"

	"github.com/tokenscope/tokenscope/model"
	"github.com/tokenscope/tokenscope/scenario"
)

// fitsState refuses a scenario that makes more tokens than the state
// keeps per workspace (max, --max-tokens; negative keeps all): saving
// its tokens would drop the oldest of them, and every apply would see
// them missing and make (and charge) them again, so apply would never
// converge.
func fitsState(f *scenario.File, max int) error {
	if max < 0 || len(f.Tokens) <= max {
		return nil
	}
	return model.LocalError(model.CodeMaxTokensExceeded, "--max-tokens", fmt.Sprintf(
		"%s makes %d tokens, more than the %d the state keeps (--max-tokens %d): applying it would drop tokens it made, and every apply would make them again; pass --max-tokens %d or more, or split the file",
		f.Name, len(f.Tokens), max, max, len(f.Tokens)))
}
