package client

import (
	"crypto/sha256"
	"encoding/hex"
	"net/http"
	"strings"
	"time"

	"github.com/stripe/stripe-go/v85"

	"github.com/tokenscope/tokenscope/model"
)

// Config chooses the backend and how to talk to it.
type Config struct {
	// Key comes from STRIPE_API_KEY or --api-key-file only, never argv.
	// "" with Handler set is the offline emulator.
	Key string
	// BaseURL is --api-base; "" is https://api.stripe.com.
	BaseURL string
	// Handler is the offline emulator, served in-process (no socket).
	Handler http.Handler
	// MaxRetries is how often stripe-go retries a request that failed on
	// the network, with 409 or with a 5xx (same Idempotency-Key). 0: never.
	MaxRetries int
	// Timeout bounds each HTTP attempt; 0 means DefaultTimeout.
	Timeout time.Duration
	// LogSize is how many requests the request log keeps (DefaultLogSize).
	LogSize int
	// Now is the clock for local validation and FetchedAt (time.Now).
	Now func() time.Time
}

// DefaultTimeout bounds one HTTP attempt when Config.Timeout is 0.
const DefaultTimeout = 30 * time.Second

// offlineKey is sent to the in-process emulator and to a --api-base without
// a key (stripe-mock wants some sk_test_ key, any will do).
const offlineKey = "sk_test_offline"

// Client implements API over stripe-go.
type Client struct {
	sc *stripe.Client
	// http is the client under stripe-go, for the emulator's pages
	// (its 3D Secure challenge), which are not API calls.
	http    *http.Client
	backend model.Backend
	log     *RequestLog
	now     func() time.Time
}

var _ API = (*Client)(nil)

// New checks the key and builds the client. The key guard runs here, before
// any request can exist: a live key, or anything that is not a test key, is
// a local *Error and nothing is sent.
func New(cfg Config) (*Client, error) {
	key := strings.TrimSpace(cfg.Key)
	if err := checkKey(key, cfg); err != nil {
		return nil, err
	}
	var b model.Backend
	var base http.RoundTripper = http.DefaultTransport
	switch {
	case cfg.Handler != nil:
		b = model.Backend{Kind: model.BackendOffline, URL: offlineURL, Workspace: string(model.BackendOffline)}
		base = handlerTransport{cfg.Handler}
	case cfg.BaseURL != "":
		// One workspace per server, whether or not the URL ends in "/".
		url := strings.TrimRight(cfg.BaseURL, "/")
		b = model.Backend{Kind: model.BackendURL, URL: url, Workspace: string(model.BackendURL) + ":" + url}
	default:
		b = model.Backend{Kind: model.BackendStripeTest, URL: stripe.APIURL, Workspace: string(model.BackendStripeTest) + ":" + fingerprint(key)}
	}
	if key == "" {
		key = offlineKey
	}
	b.Publishable = strings.HasPrefix(key, "pk_test_")
	if b.Kind != model.BackendOffline {
		b.KeyLast4 = key[len(key)-4:]
	}

	log := NewRequestLog(cfg.LogSize)
	timeout := cfg.Timeout
	if timeout <= 0 {
		timeout = DefaultTimeout
	}
	retries := int64(max(cfg.MaxRetries, 0))
	hc := &http.Client{Timeout: timeout, Transport: logTransport{next: guardTransport{base}, log: log},
		// A page's redirect leads to the customer's return_url, which is
		// for a browser: tokenscope reads the answer itself.
		CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	backends := stripe.NewBackendsWithConfig(&stripe.BackendConfig{
		URL:               stripe.String(b.URL),
		HTTPClient:        hc,
		MaxNetworkRetries: &retries,
		LeveledLogger:     &stripe.LeveledLogger{Level: stripe.LevelNull},
	})
	now := cfg.Now
	if now == nil {
		now = time.Now
	}
	return &Client{
		sc:      stripe.NewClient(key, stripe.WithBackends(backends)),
		http:    hc,
		backend: b,
		log:     log,
		now:     now,
	}, nil
}

// checkKey is the key guard. An empty key is fine only when something other
// than api.stripe.com answers (the emulator, or --api-base).
func checkKey(key string, cfg Config) error {
	for _, live := range []string{"sk_live_", "rk_live_", "pk_live_"} {
		if strings.HasPrefix(key, live) {
			return model.LocalError(model.CodeLivemodeKey, "key",
				"refusing a live-mode key ("+live+"…): tokenscope works with test-mode keys only, nothing was sent")
		}
	}
	if key == "" {
		if cfg.Handler == nil && cfg.BaseURL == "" {
			return model.LocalError(model.CodeMissingKey, "key", "no API key: set STRIPE_API_KEY or --api-key-file, or use --offline")
		}
		return nil
	}
	for _, test := range []string{"sk_test_", "rk_test_", "pk_test_"} {
		if strings.HasPrefix(key, test) && len(key) > len(test) {
			return nil
		}
	}
	return model.LocalError(model.CodeInvalidKey, "key", "the API key is not a Stripe test key (sk_test_, rk_test_ or pk_test_)")
}

// fingerprint names a key's workspace without holding the key: 12 hex digits
// of its SHA-256 tell accounts apart and cannot be turned back into the key.
func fingerprint(key string) string {
	sum := sha256.Sum256([]byte(key))
	return hex.EncodeToString(sum[:])[:12]
}

// Backend describes where requests go.
func (c *Client) Backend() model.Backend { return c.backend }

// Log is the in-memory request log.
func (c *Client) Log() *RequestLog { return c.log }
