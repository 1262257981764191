// Package model holds what tokenscope knows, independent of how it talks to
// Stripe and of how anything is shown: the Token as recorded locally, the
// kind registry, the inputs that create and use tokens, the catalog of
// Stripe's test data, validation that speaks Stripe's error codes, the one
// error model, what a plan will do and what a refresh found. Masking is
// here too: which part of a secret may ever be seen is a rule the plan,
// validation, the request log and the emulator share. Rendering is the views
// package's: model lays out nothing and does no I/O. It imports no other
// tokenscope package, so every other package can lean on it.
package model
