package model

// BackendKind tells the three backends apart.
type BackendKind string

// The backends tokenscope can talk to.
const (
	BackendOffline    BackendKind = "offline"
	BackendStripeTest BackendKind = "test"
	BackendURL        BackendKind = "url"
)

// Backend says where requests go and which state workspace belongs to it.
type Backend struct {
	Kind BackendKind
	// URL is the API base ("https://api.stripe.com", "http://127.0.0.1:12111").
	URL string
	// KeyLast4 is the last four characters of the key, for the header.
	KeyLast4 string
	// Workspace names the state workspace: "offline", "test:<key fingerprint>",
	// or "url:<base URL>".
	Workspace string
	// Publishable is true for pk_test_ keys, which can create but not retrieve.
	Publishable bool
}

// Label names the backend in the header and in the state's workspaces:
// "OFFLINE emulator (no key)", "TEST ••••4242", "http://127.0.0.1:12111".
func (b Backend) Label() string {
	switch b.Kind {
	case BackendOffline:
		return "OFFLINE emulator (no key)"
	case BackendStripeTest:
		return "TEST key ••••" + b.KeyLast4
	}
	return b.URL
}
