package emulator

import (
	"crypto/rand"
	"crypto/sha256"
)

const base62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"

// Lengths of the random part of Stripe's ids: tok_1Pgc7BB7WZ01zgkWptnajzKJ
// (24), cus_QXg1o8vcGmoR32 (14), req_ (14).
const (
	longID  = 24
	shortID = 14
)

// newID returns prefix followed by n random base62 characters, as Stripe's ids
// look. crypto/rand never fails on the platforms Go supports.
func newID(prefix string, n int) string {
	buf := make([]byte, n)
	_, _ = rand.Read(buf)
	return prefix + toBase62(buf)
}

// stableID derives an id from a seed, for objects that must look the same on
// every read (the card inside a magic token such as tok_visa).
func stableID(prefix, seed string, n int) string {
	sum := sha256.Sum256([]byte("tokenscope-emulator:" + seed))
	return prefix + toBase62(sum[:n])
}

// stableDigits derives n decimal digits from a seed, for numbers that must
// read the same on every render of an object (a charge's authorization
// code).
func stableDigits(seed string, n int) string {
	sum := sha256.Sum256([]byte("tokenscope-emulator:" + seed))
	out := make([]byte, n)
	for i := range out {
		out[i] = '0' + sum[i%len(sum)]%10
	}
	return string(out)
}

func toBase62(b []byte) string {
	out := make([]byte, len(b))
	for i, c := range b {
		out[i] = base62[int(c)%len(base62)]
	}
	return string(out)
}
