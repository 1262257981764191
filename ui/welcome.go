package ui

import (
	"strings"

	"github.com/tokenscope/tokenscope/model"
	"github.com/tokenscope/tokenscope/ui/common"
)

// welcome is the body of a first run: what a token is, which keys to press
// first, and what offline mode means, so nobody has to read a manual before
// making a first token.
func welcome(st *common.Styles, b model.Backend) string {
	k := st.Key.Render
	lines := []string{
		st.PaneTitle.Render("Welcome to tokenscope."),
		"",
		"A token is a single-use stand-in for card or bank details: your page",
		"sends the number to Stripe, your server only ever sees the token, and",
		"Stripe lets each token be used once (by a charge or a customer).",
		"",
		"Press",
		"  " + k("n") + "   to make a token (card, bank account, id number, account)",
		"  " + k("i") + "   to get a token by id: try " + k("tok_visa"),
		"  " + k("?") + "   for every key",
		"",
	}
	if b.Kind == model.BackendOffline {
		lines = append(lines, st.Muted.Render("You are OFFLINE: the built-in emulator answers. It needs no key and never"),
			st.Muted.Render("talks to Stripe."))
	} else {
		lines = append(lines, st.Muted.Render("Offline mode (--offline, or no STRIPE_API_KEY) needs no key and never talks"),
			st.Muted.Render("to Stripe."))
	}
	for i := range lines {
		lines[i] = " " + lines[i]
	}
	return strings.Join(lines, "\n")
}
