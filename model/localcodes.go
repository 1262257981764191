package model

import (
	"errors"
	"syscall"
)

// Codes tokenscope gives its own failures, local or of an answer it
// refused, where Stripe has no code: a script reading --json's error
// object tells them apart by code, as it does Stripe's. The README's
// Output section lists them.
const (
	// CodeStateLocked: another tokenscope kept the state's (or the
	// emulator's) lock for the whole --lock-timeout.
	CodeStateLocked = "state_locked"
	// CodeStateCorrupt: state.json cannot be read.
	CodeStateCorrupt = "state_corrupt"
	// CodeEmulatorCorrupt: a file of the offline emulator cannot be read.
	CodeEmulatorCorrupt = "emulator_corrupt"
	// CodeDirRefused: the state dir is another user's or others can
	// write in it.
	CodeDirRefused = "state_dir_refused"
	// CodeLinkRefused: a file tokenscope keeps is a symbolic link.
	CodeLinkRefused = "symlink_refused"
	// CodeSecretRefused: a write would have put a card number or a key
	// on disk.
	CodeSecretRefused = "secret_refused"
	// CodeNotInState: an id the state does not hold.
	CodeNotInState = "not_in_state"
	// CodePendingUnrecorded: the API made something the state could not
	// record; it stays pending and the next write records it.
	CodePendingUnrecorded = "pending_unrecorded"
	// CodePendingUnresolved: a pending request that cannot be sent again
	// (too old for its key, a secret not kept) was left to the user.
	CodePendingUnresolved = "pending_unresolved"
	// CodeUseUnsupported: a use the token's kind does not have (a PII
	// token as a charge), refused before it is sent.
	CodeUseUnsupported = "token_use_unsupported"
	// CodeMaxTokensExceeded: a scenario makes more tokens than the state
	// keeps (--max-tokens); applying it would drop its own tokens.
	CodeMaxTokensExceeded = "max_tokens_exceeded"
	// CodeOutputPathRefused: a file to hand on (--out) names a dir, or a
	// dir that does not exist (tokenscope makes none for it).
	CodeOutputPathRefused = "output_path_refused"
	// CodeDiskFull: a write found no space left.
	CodeDiskFull = "disk_full"

	// CodeResponseTooLarge: an answer larger than the client reads.
	CodeResponseTooLarge = "response_too_large"
	// CodeResponseIDMismatch: a GET of one object answered with another.
	CodeResponseIDMismatch = "response_id_mismatch"
	// CodeExpectedEventsMissing: a scenario's use was made, but the
	// events its expect_events names did not occur.
	CodeExpectedEventsMissing = "expected_events_missing"
	// CodePlanStale: the state changed between a plan and its apply so
	// that the apply would do what the plan did not show.
	CodePlanStale = "plan_stale"
	// CodeListenerBusy: another tokenscope listen on the state dir
	// forwards to the same URL.
	CodeListenerBusy = "listener_busy"
)

// LocalCoder is an error of tokenscope's own with a code (the Code
// constants above).
type LocalCoder interface {
	error
	LocalCode() string
}

// LocalCodeOf is the code of the first LocalCoder in err's chain, or
// CodeDiskFull for a write that found no room; "" for none.
func LocalCodeOf(err error) string {
	var c LocalCoder
	switch {
	case errors.As(err, &c):
		return c.LocalCode()
	case errors.Is(err, syscall.ENOSPC), errors.Is(err, syscall.EDQUOT), errors.Is(err, syscall.EFBIG):
		// No room: the disk, the user's quota, or the file size limit
		// (ulimit -f).
		return CodeDiskFull
	}
	return ""
}

// Fault gives err a code of tokenscope's own, keeping its text.
func Fault(code string, err error) error { return &fault{code, err} }

type fault struct {
	code string
	err  error
}

func (f *fault) Error() string     { return f.err.Error() }
func (f *fault) Unwrap() error     { return f.err }
func (f *fault) LocalCode() string { return f.code }

func init() {
	for code, x := range map[string]Explanation{
		CodeResponseTooLarge: {
			Why:  "the server sent more than any Stripe object is; it is not Stripe, or something between rewrote the answer",
			Next: "check --api-base and any proxy in between (HTTPS_PROXY)",
		},
		CodeEmulatorCorrupt: {
			Why:  "a file the offline emulator keeps in the state dir is damaged (the message names it); nothing was changed",
			Next: "move that file away to start the emulator afresh, or restore it from a backup",
		},
		CodeStateLocked: {
			Why:  "another tokenscope held the lock for the whole --lock-timeout",
			Next: "retry when it is done, or give a longer --lock-timeout",
		},
		CodeExpectedEventsMissing: {
			Why:  "the use and its steps were made and are recorded, but they did not lead to the events expect_events names (the message lists the events they led to)",
			Next: "compare with tokenscope events --for the token; then fix expect_events, or the use, and apply with --replace NAME to try again with a new token",
		},
		CodeListenerBusy: {
			Why:  "another tokenscope listen on this state dir already forwards the events to that URL; two would send each event twice",
			Next: "keep the one that runs (tokenscope listen prints its secret again), or stop it first",
		},
		CodeResponseIDMismatch: {
			Why:  "the server answered a request for one object with another, which Stripe never does: a proxy or cache in between, or a server that is not Stripe",
			Next: "check --api-base and any proxy or cache in between (HTTPS_PROXY), then retry",
		},
	} {
		explanations[code] = x
	}
}
