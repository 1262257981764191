// Package webhook signs and sends webhook deliveries as Stripe does: the
// event's JSON POSTed with a Stripe-Signature header (t=<unix>,v1=<hex
// HMAC-SHA256 of "<t>.<body>" keyed with the whsec_ secret>), retried with
// backoff. The emulator's webhook endpoints and tokenscope listen both
// deliver through it, so a receiver sees the same thing from either.
package webhook

import (
	"bytes"
	"context"
	"crypto/hmac"
	"crypto/rand"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"net/http"
	"strconv"
	"time"
)

// Header is the header that carries the signature.
const Header = "Stripe-Signature"

// SecretPrefix begins every signing secret.
const SecretPrefix = "whsec_"

// Bounds on one delivery: how long an attempt may take, how much of the
// receiver's answer is read (and dropped), how many attempts are made.
const (
	DefaultTimeout  = 10 * time.Second
	maxResponseBody = 64 << 10
	DefaultAttempts = 5
	maxAttempts     = 20
)

const base62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"

// NewSecret is a new whsec_ signing secret: 32 random base62 characters.
func NewSecret() string {
	buf := make([]byte, 32)
	_, _ = rand.Read(buf) // never fails on the platforms Go supports
	for i, c := range buf {
		buf[i] = base62[int(c)%len(base62)]
	}
	return SecretPrefix + string(buf)
}

// Sign is the Stripe-Signature header for body sent at t.
func Sign(secret string, t time.Time, body []byte) string {
	ts := strconv.FormatInt(t.Unix(), 10)
	mac := hmac.New(sha256.New, []byte(secret))
	mac.Write([]byte(ts))
	mac.Write([]byte("."))
	mac.Write(body)
	return "t=" + ts + ",v1=" + hex.EncodeToString(mac.Sum(nil))
}

// Attempt is one POST of a delivery and how the receiver answered.
type Attempt struct {
	At      time.Time     `json:"at"`
	Status  int           `json:"status"` // 0 when no answer came
	Latency time.Duration `json:"latency"`
	Error   string        `json:"error,omitempty"` // why no answer came
}

// OK reports whether the receiver took the event (a 2xx).
func (a Attempt) OK() bool { return a.Status >= 200 && a.Status < 300 }

// Sender posts deliveries.
type Sender struct {
	// Client posts; nil is NewClient(DefaultTimeout).
	Client *http.Client
	// Now is the clock the signature's timestamp and the attempt's time
	// come from; nil is time.Now.
	Now func() time.Time
}

// NewClient is an HTTP client for deliveries: each attempt bounded by
// timeout, and redirects not followed (a receiver that moved answers 3xx,
// which is a failed delivery, as at Stripe).
func NewClient(timeout time.Duration) *http.Client {
	return &http.Client{
		Timeout: timeout,
		CheckRedirect: func(*http.Request, []*http.Request) error {
			return http.ErrUseLastResponse
		},
	}
}

var defaultClient = NewClient(DefaultTimeout)

// Send POSTs body to url once, signed with secret.
func (s Sender) Send(ctx context.Context, url, secret string, body []byte) Attempt {
	now, client := s.Now, s.Client
	if now == nil {
		now = time.Now
	}
	if client == nil {
		client = defaultClient
	}
	at := now()
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, url, bytes.NewReader(body))
	if err != nil {
		return Attempt{At: at, Error: err.Error()}
	}
	req.Header.Set("Content-Type", "application/json; charset=utf-8")
	req.Header.Set("User-Agent", "Stripe/1.0 (+https://stripe.com/docs/webhooks)")
	req.Header.Set(Header, Sign(secret, at, body))
	start := time.Now()
	res, err := client.Do(req)
	if err != nil {
		return Attempt{At: at, Latency: time.Since(start), Error: cause(err)}
	}
	_, _ = io.Copy(io.Discard, io.LimitReader(res.Body, maxResponseBody))
	res.Body.Close()
	return Attempt{At: at, Status: res.StatusCode, Latency: time.Since(start)}
}

// cause is a failed POST's reason without the URL, which the caller shows
// already.
func cause(err error) string {
	var ue interface{ Unwrap() error }
	if errors.As(err, &ue) && ue.Unwrap() != nil {
		return ue.Unwrap().Error()
	}
	return err.Error()
}

// Retry is how a delivery is retried after a failed attempt.
type Retry struct {
	// Attempts bounds the attempts (DefaultAttempts when 0, at most 20).
	Attempts int
	// Backoff is the wait before attempt n+1 after n failed (n from 1),
	// from the end of attempt n (its answer, or its client's timeout) to
	// the start of n+1; nil doubles from one second, capped at a minute.
	Backoff func(n int) time.Duration
	// Sleep waits d or until ctx ends; nil uses a timer. Tests give one
	// that returns at once and records the waits.
	Sleep func(ctx context.Context, d time.Duration) error
}

// Backoff is the default: 1s, 2s, 4s ... up to a minute.
func Backoff(n int) time.Duration {
	return min(time.Second<<min(n-1, 6), time.Minute)
}

func sleep(ctx context.Context, d time.Duration) error {
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-ctx.Done():
		return ctx.Err()
	case <-t.C:
		return nil
	}
}

// Max is how many attempts a delivery gets.
func (r Retry) Max() int {
	if r.Attempts <= 0 {
		return DefaultAttempts
	}
	return min(r.Attempts, maxAttempts)
}

// Do makes up to Attempts attempts with send, waiting Backoff between
// them, until one is OK. It calls each with every attempt as it ends.
// It returns the attempts made.
func (r Retry) Do(ctx context.Context, send func() Attempt, each func(Attempt)) []Attempt {
	n := r.Max()
	backoff, wait := r.Backoff, r.Sleep
	if backoff == nil {
		backoff = Backoff
	}
	if wait == nil {
		wait = sleep
	}
	var out []Attempt
	for i := 1; i <= n; i++ {
		a := send()
		out = append(out, a)
		if each != nil {
			each(a)
		}
		if a.OK() || i == n || wait(ctx, backoff(i)) != nil {
			break
		}
	}
	return out
}

// Schedule is the longest a delivery may take under r with attempts of at
// most timeout each: how long another process should let it run before
// taking it over.
func (r Retry) Schedule(timeout time.Duration) time.Duration {
	n := r.Max()
	backoff := r.Backoff
	if backoff == nil {
		backoff = Backoff
	}
	total := time.Duration(n) * timeout
	for i := 1; i < n; i++ {
		total += backoff(i)
	}
	return total
}

// Describe is an attempt in a few words: "200 in 3ms", "timeout".
func (a Attempt) Describe() string {
	if a.Status == 0 {
		return a.Error
	}
	return fmt.Sprintf("%d in %s", a.Status, a.Latency.Round(time.Microsecond*100))
}
