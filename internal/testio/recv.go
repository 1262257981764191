package testio

import (
	"testing"
	"time"
)

// Recv takes the next value of ch, failing the test if none comes in ten
// seconds: the timeout turns a hang into a failure, it orders nothing.
func Recv[T any](t testing.TB, ch <-chan T, what string) T {
	t.Helper()
	select {
	case v := <-ch:
		return v
	case <-time.After(10 * time.Second):
		t.Fatalf("waiting for %s", what)
	}
	var zero T
	return zero
}
