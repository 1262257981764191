package cli

import (
	"errors"
	"fmt"
	"testing"

	"github.com/tokenscope/tokenscope/model"
)

func TestExitCode(t *testing.T) {
	cases := []struct {
		err  error
		want int
	}{
		{nil, 0},
		{&model.Error{Type: "card_error", Code: "card_declined", HTTPStatus: 402}, 1},
		{&model.Error{Type: "invalid_request_error", Code: "token_already_used", HTTPStatus: 400}, 1},
		{&model.Error{Type: "invalid_request_error", HTTPStatus: 401}, 1},
		{&model.Error{Type: "invalid_request_error", Code: "rate_limit", HTTPStatus: 429}, 3},
		{&model.Error{Type: "api_error", HTTPStatus: 500}, 3},
		{&model.Error{Type: "api_error", HTTPStatus: 501}, 3},
		{&model.Error{Type: model.TypeConnection}, 3},
		{&model.Error{Code: "incorrect_number", Local: true}, 2},
		{fmt.Errorf("wrapped: %w", &model.Error{Local: true}), 2},
		{&model.FieldError{Code: "invalid_cvc"}, 2},
		{usagef("tokenscope get", "accepts 1 arg(s), received 0"), 2},
		{errors.New("state file unreadable"), 1},
	}
	for _, c := range cases {
		if got := ExitCode(c.err); got != c.want {
			t.Errorf("ExitCode(%v) = %d, want %d", c.err, got, c.want)
		}
	}
}
