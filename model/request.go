package model

import "time"

// LoggedRequest is one HTTP request as the request log view (L) shows it.
// Body is the form body with every secret masked; the Authorization
// header is never kept. The log is kept per workspace in the state dir
// (model/state's RequestJournal), so its fields are what is written there:
// nothing in it may hold a card number, a CVC, an id number or a key.
type LoggedRequest struct {
	Time           time.Time     `json:"time"`
	Method         string        `json:"method"`
	Path           string        `json:"path"`
	Status         int           `json:"status,omitempty"`
	RequestID      string        `json:"request_id,omitempty"`
	IdempotencyKey string        `json:"idempotency_key,omitempty"`
	Replayed       bool          `json:"replayed,omitempty"`
	Latency        time.Duration `json:"latency"`
	Body           string        `json:"body,omitempty"` // redacted
	Err            string        `json:"err,omitempty"`
	// Response is the answer's body, secrets masked and cut at
	// MaxLoggedResponse bytes (ResponseCut says so).
	Response    string `json:"response,omitempty"`
	ResponseCut bool   `json:"response_cut,omitempty"`
	// TestData names the published test data (a catalog preset) whose
	// values stand for the masked ones of Body, so the request can be
	// written out again without the secret (TestDataFor); "" when Body
	// masks nothing or nothing published stands for it. StandIn: the
	// values sent were not that test data but have its brand and last 4.
	TestData string `json:"test_data,omitempty"`
	StandIn  bool   `json:"stand_in,omitempty"`
	// Run names the process that sent it; Earlier marks, when the log is
	// read, a request an earlier run sent (not kept on disk).
	Run     string `json:"run,omitempty"`
	Earlier bool   `json:"-"`
}

// MaxLoggedResponse bounds the response body a logged request keeps.
const MaxLoggedResponse = 16 << 10
