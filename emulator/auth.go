package emulator

import (
	"net/http"
	"strings"

	"github.com/tokenscope/tokenscope/model"
)

// keyKind is what a test key may do: a publishable key only what a
// customer's device does (publishable.go).
type keyKind int

const (
	secretKey keyKind = iota + 1
	publishableKey
)

// authenticate reads the key as Stripe does (Bearer, or Basic with the key as
// user) and accepts test keys only: the emulator is test mode, so a live key
// is as unknown to it as a typo.
func authenticate(r *http.Request) (keyKind, *model.Error) {
	key := requestKey(r)
	if key == "" {
		return 0, unauthorized("You did not provide an API key. You need to provide your API key in the Authorization header, using Bearer auth (e.g. 'Authorization: Bearer YOUR_SECRET_KEY'). See https://stripe.com/docs/api#authentication for details, or we can help at https://support.stripe.com/.")
	}
	for prefix, kind := range map[string]keyKind{"sk_test_": secretKey, "rk_test_": secretKey, "pk_test_": publishableKey} {
		if strings.HasPrefix(key, prefix) && len(key) > len(prefix) && !strings.ContainsAny(key, " \t") {
			return kind, nil
		}
	}
	msg := "Invalid API Key provided: " + maskKey(key)
	if strings.Contains(key, "_live_") {
		// Stripe's words, and why: the key may well be valid at Stripe.
		msg += ". The emulator is Stripe's test mode only: it takes sk_test_, rk_test_ and pk_test_ keys."
	}
	return 0, unauthorized(msg)
}

// requestKey is the key r carries, "" for none.
func requestKey(r *http.Request) string {
	if user, _, ok := r.BasicAuth(); ok {
		return user
	}
	if h := r.Header.Get("Authorization"); strings.HasPrefix(h, "Bearer ") {
		return strings.TrimSpace(strings.TrimPrefix(h, "Bearer "))
	}
	return ""
}

// publishableRefused is what Stripe answers when a pk_ key calls a route
// not marked publishable.
func publishableRefused() *model.Error {
	return unauthorized("This API call cannot be made with a publishable API key. Please use a secret API key. You can find a list of your API keys at https://dashboard.stripe.com/account/apikeys.")
}

func unauthorized(msg string) *model.Error {
	e := invalid("", "", msg)
	e.HTTPStatus = http.StatusUnauthorized
	return e
}

// maskKey shows a key as Stripe's error does, "sk_live_****1234": the kind
// prefix and the last four characters, never the secret middle.
func maskKey(key string) string {
	prefix := ""
	if parts := strings.SplitN(key, "_", 3); len(parts) == 3 && len(parts[0]) == 2 {
		prefix = parts[0] + "_" + parts[1] + "_"
	}
	rest := strings.TrimPrefix(key, prefix)
	if len(rest) <= 4 {
		return prefix + "****"
	}
	return prefix + "****" + rest[len(rest)-4:]
}
