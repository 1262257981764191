package model

import "time"

// LoggedRequest is one HTTP request as the request log view (L) shows it.
// Body is the form body with every secret masked; the Authorization
// header is never kept.
type LoggedRequest struct {
	Time           time.Time
	Method, Path   string
	Status         int
	RequestID      string
	IdempotencyKey string
	Replayed       bool
	Latency        time.Duration
	Body           string // redacted
	Err            string
}
