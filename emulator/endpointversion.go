package emulator

import "net/http"

// The api_version a webhook endpoint is made for: Stripe labels the
// events it sends to the endpoint with it. The emulator renders one
// shape (version.go), so an endpoint pinned to a version of that shape's
// family gets its version, as a request pinning it does, and any other
// gets DefaultVersion, its creation answered with the Warning a request
// pinning that version gets.

// eventVersion is the api_version of the events delivered to we.
func (we *endpointRec) eventVersion() string {
	if we.APIVersion == "" {
		return DefaultVersion
	}
	v, _, aerr := answerVersion("api_version", we.APIVersion)
	if aerr != nil {
		// Kept by an older emulator that took it: not refused now.
		return DefaultVersion
	}
	return v
}

// paramVersionNote is the Warning for a successful request that pins an
// api_version parameter (webhook endpoints' creation) the emulator
// answers in DefaultVersion: worked out from the request, so that an
// idempotent replay of it says so too.
func paramVersionNote(p params, status int) string {
	if status != http.StatusOK || !p.Has("api_version") {
		return ""
	}
	_, note, _ := answerVersion("api_version", p.get("api_version"))
	return note
}
