package model

// Codes tokenscope gives its own failures, local or of an answer it
// refused, where Stripe has no code: a script reading --json's error
// object tells them apart by code, as it does Stripe's.
const (
	// CodeResponseTooLarge: an answer larger than the client reads.
	CodeResponseTooLarge = "response_too_large"
	// CodeResponseIDMismatch: a GET of one object answered with another.
	CodeResponseIDMismatch = "response_id_mismatch"
)

func init() {
	for code, x := range map[string]Explanation{
		CodeResponseTooLarge: {
			Why:  "the server sent more than any Stripe object is; it is not Stripe, or something between rewrote the answer",
			Next: "check --api-base and any proxy in between (HTTPS_PROXY)",
		},
		CodeResponseIDMismatch: {
			Why:  "the server answered a request for one object with another, which Stripe never does: a proxy or cache in between, or a server that is not Stripe",
			Next: "check --api-base and any proxy or cache in between (HTTPS_PROXY), then retry",
		},
	} {
		explanations[code] = x
	}
}
