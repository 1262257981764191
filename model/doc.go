// Package model holds what tokenscope knows, independent of how it talks to
// Stripe: the Token as recorded locally, the inputs that create and use
// tokens, the catalog of Stripe's test data, validation that speaks Stripe's
// error codes, plans, drift and the state. It imports no other tokenscope
// package, so the client, the emulator and the UI can all lean on it.
package model
