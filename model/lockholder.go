package model

import (
	"errors"
	"time"
)

// LockHolder is what is known of the process that holds the state lock
// (model/state's lock info, as Terraform's): who (user@host), its pid,
// what it is doing and since when. The zero value: nothing is known (the
// holder wrote no info, or is no tokenscope). views says it in words,
// for a local user and, with less, for a guest of tokenscope serve.
type LockHolder struct {
	Who       string
	PID       int
	Operation string // create, use, refresh, "apply FILE", state rm, ...
	Since     time.Time
}

// LockHolderOf is the holder an error about a state lock another process
// kept too long names (model/state's LockError, anywhere in err's chain);
// false for any other error.
func LockHolderOf(err error) (LockHolder, bool) {
	var held interface{ LockHolder() LockHolder }
	if errors.As(err, &held) {
		return held.LockHolder(), true
	}
	return LockHolder{}, false
}
