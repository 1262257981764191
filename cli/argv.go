package cli

import (
	"errors"
	"regexp"
	"strings"

	"github.com/tokenscope/tokenscope/model"
)

// keyPrefixes start every Stripe API key, test or live.
var keyPrefixes = []string{"sk_", "rk_", "pk_"}

// errKeyInArgs explains why a key is refused on the command line without
// repeating it.
var errKeyInArgs = usageError{err: errors.New("an API key was given on the command line; refusing it. " +
	"Arguments are visible to every user of the machine through ps (and stay in shell history), " +
	"which on a shared jump host gives the key away. " +
	"Set STRIPE_API_KEY, or put the key in a file with mode 0600 and pass --api-key-file FILE")}

// refuseKeysInArgs refuses any argument, or flag value after "=", that
// starts like a Stripe key, and any argument holding a secret key anywhere
// ("name sk_test_…" quoted into one argument): model.FindSecretKey, the
// rule the state's guard and the output's masking use.
func refuseKeysInArgs(args []string) error {
	for _, arg := range args {
		if start, _, _ := model.FindSecretKey([]byte(arg), 1); start >= 0 {
			return errKeyInArgs
		}
		values := []string{arg}
		if _, v, ok := strings.Cut(arg, "="); ok {
			values = append(values, v)
		}
		for _, v := range values {
			for _, p := range keyPrefixes {
				if strings.HasPrefix(strings.TrimSpace(v), p) {
					return errKeyInArgs
				}
			}
		}
	}
	return nil
}

// numberLike is an argument made of digits, allowing the spaces and dashes
// people type inside card numbers.
var numberLike = regexp.MustCompile(`^\d[\d -]*\d$`)

// numbersIn collects the arguments (or flag values after "=") that are
// numbers of at least nine digits: card, bank account and id numbers, never
// an amount (Stripe caps those at eight digits). The value of --routing is
// not one: a routing number is public (it names a bank, as an address
// does), and masking it made "create bank" print ••••0000 for what "state
// show" prints in full.
func numbersIn(args []string) []string {
	var out []string
	for i, arg := range args {
		name, v, ok := strings.Cut(arg, "=")
		if ok {
			arg = v
		}
		if name == "--routing" || (i > 0 && args[i-1] == "--routing") {
			continue
		}
		if numberLike.MatchString(arg) && len(model.Digits(arg)) >= 9 {
			out = append(out, arg)
		}
	}
	return out
}
