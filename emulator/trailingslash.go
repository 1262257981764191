package emulator

import (
	"fmt"
	"net/http"
	"strings"
)

// trailingSlashURL is Stripe's 404 for a path ending in a slash: a list
// called with one, or a retrieve with an empty id (GET /v1/customers/ is
// what a client builds for customers.retrieve("")). Stripe matches no
// route for it, so neither does the emulator; its message says which of
// the two mistakes it is likely to be, where the emulator's would name
// the route without the slash as one it does not emulate.
func trailingSlashURL(r *http.Request) (string, bool) {
	if !strings.HasSuffix(r.URL.Path, "/") {
		return "", false
	}
	return fmt.Sprintf("Unrecognized request URL (%s: %s). If you are trying to list objects, remove the trailing slash. "+
		"If you are trying to retrieve an object, make sure you passed a valid (non-empty) identifier in your code. "+
		"Please see https://stripe.com/docs or we can help at https://support.stripe.com/.", r.Method, r.URL.Path), true
}
