package model

import (
	"fmt"
	"strings"
	"testing"
)

func TestErrorNamesParamCodeAndRequest(t *testing.T) {
	e := &Error{Param: "number", Code: "incorrect_number", Message: "Your card number is incorrect.", RequestID: "req_1"}
	want := "number: incorrect_number: Your card number is incorrect. (request req_1)"
	if e.Error() != want {
		t.Errorf("got %q, want %q", e.Error(), want)
	}
	d := &Error{Type: "card_error", Code: "card_declined", DeclineCode: "lost_card", Message: "Your card was declined."}
	if !strings.Contains(d.Error(), "card_declined (lost_card)") {
		t.Errorf("decline %q lacks code and decline code", d.Error())
	}
}

// A local check's FieldError is found as the Error it stands for, wrapped
// or not; an Error in the chain is returned as it is.
func TestAsError(t *testing.T) {
	fe := ValidateCVC("12", "4242424242424242")
	e, ok := AsError(fmt.Errorf("create: %w", fe))
	if !ok || !e.Local || e.Type != fe.Type || e.Code != fe.Code || e.Param != fe.Param || e.Message != fe.Message || e.Why != "" {
		t.Errorf("AsError(FieldError) = %+v, %v", e, ok)
	}
	orig := &Error{Type: TypeAPIError, HTTPStatus: 500}
	if e, ok := AsError(fmt.Errorf("get: %w", orig)); !ok || e != orig {
		t.Errorf("AsError(Error) = %p, want %p", e, orig)
	}
	if _, ok := AsError(fmt.Errorf("plain")); ok {
		t.Error("a plain error is no Error")
	}
}
