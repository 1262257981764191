package emulator

import (
	"net/http"

	"github.com/tokenscope/tokenscope/model"
)

// DefaultVersion is the API version the emulator answers in when a request
// pins none, as an account's default version: the one stripe-go v85 pins
// (stripe.APIVersion), so stripe-go and the emulator agree on the shape of
// every object.
const DefaultVersion = "2026-03-25.dahlia"

const versionHeader = "Stripe-Version"

// versions are the API versions a request may pin: those stripe-go has
// pinned since 2020-08-27 (the version from which customers hide their
// sources unless expanded, as the emulator does), and that of the OpenAPI
// spec stripe-mock v0.203.0 ships. The emulator answers every one of them
// in the same shape, which the objects it keeps have in all of them.
var versions = []string{
	"2020-08-27", "2022-08-01", "2022-11-15", "2023-08-16", "2023-10-16",
	"2024-04-10", "2024-06-20",
	"2024-09-30.acacia", "2024-10-28.acacia", "2024-11-20.acacia", "2024-12-18.acacia",
	"2025-01-27.acacia", "2025-02-24.acacia",
	"2025-03-31.basil", "2025-04-30.basil", "2025-05-28.basil", "2025-06-30.basil",
	"2025-07-30.basil", "2025-08-27.basil",
	"2025-09-30.clover", "2025-10-29.clover", "2025-11-17.clover", "2025-12-15.clover",
	"2026-01-28.clover", "2026-02-25.clover",
	"2026-03-25.dahlia", "2026-04-22.dahlia", "2026-05-27.dahlia", "2026-06-24.dahlia",
	"2026-07-29.dahlia", "2026-08-26.dahlia",
}

var versionSet = func() map[string]bool {
	m := make(map[string]bool, len(versions))
	for _, v := range versions {
		m[v] = true
	}
	return m
}()

func knownVersion(v string) bool { return versionSet[v] }

// versionOf is the version a request pins, or the default; an unknown one
// is refused as Stripe refuses it.
func versionOf(r *http.Request) (string, *model.Error) {
	v := r.Header.Get(versionHeader)
	switch {
	case v == "":
		return DefaultVersion, nil
	case knownVersion(v):
		return v, nil
	}
	return DefaultVersion, invalid("", "", "Invalid Stripe API version: "+v)
}
