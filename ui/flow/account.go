package flow

import (
	"strings"

	"github.com/charmbracelet/huh"
	"github.com/tokenscope/tokenscope/model"
)

// accountForm is the account token form: a business type and a name.
type accountForm struct {
	businessType, first, last string
}

func newAccountForm() *accountForm {
	return &accountForm{businessType: "individual", first: "Jenny", last: "Rosen"}
}

func (a *accountForm) kind() model.Kind { return model.KindAccount }

func (a *accountForm) fields(int, int) []huh.Field {
	return []huh.Field{
		choice("Business type", &a.businessType, "individual", "company"),
		input("First name", &a.first, nil),
		input("Last name", &a.last, nil),
	}
}

func (a *accountForm) sync() bool { return false }

func (a *accountForm) request() (model.TokenRequest, error) {
	return model.TokenRequest{Kind: model.KindAccount, Account: &model.AccountInput{
		BusinessType: a.businessType, FirstName: strings.TrimSpace(a.first), LastName: strings.TrimSpace(a.last),
	}}, nil
}
