package model_test

import (
	"strings"
	"testing"

	"github.com/tokenscope/tokenscope/model"
)

// A refused id names what an id of the kind starts with, in English: "an
// account id", "a charge id".
func TestValidateObjectIDHint(t *testing.T) {
	for what, want := range map[string]string{
		"account": "; an account id starts with acct_",
		"charge":  "; a charge id starts with acct_",
	} {
		fe := model.ValidateObjectID("person_1", "account", what, "acct_")
		if fe == nil || !strings.HasSuffix(fe.Error(), want) {
			t.Errorf("%s: %v, want it to end %q", what, fe, want)
		}
	}
	if fe := model.ValidateObjectID("acct_1A", "account", "account", "acct_"); fe != nil {
		t.Errorf("a valid id refused: %v", fe)
	}
}
