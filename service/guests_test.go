package service

import (
	"path/filepath"
	"testing"
)

// A guest's sessions share one emulator, and it is let go when the last of
// them is over.
func TestGuestEmulatorsFollowSessions(t *testing.T) {
	gs := newGuests(t.TempDir())
	a1, dirA, releaseA1, err := gs.acquire("a")
	if err != nil {
		t.Fatal(err)
	}
	a2, _, releaseA2, _ := gs.acquire("a")
	b, dirB, releaseB, _ := gs.acquire("b")
	if a1 != a2 || a1 == b {
		t.Fatal("not one emulator per guest")
	}
	if dirA == dirB || filepath.Dir(dirA) != gs.dir {
		t.Fatalf("guest dirs %s and %s, want each its own under %s", dirA, dirB, gs.dir)
	}
	releaseA1()
	releaseA1() // twice is once
	if len(gs.open) != 2 {
		t.Fatalf("%d emulators open with a session of each guest left, want 2", len(gs.open))
	}
	releaseA2()
	releaseB()
	if len(gs.open) != 0 {
		t.Fatalf("%d emulators open after every session ended", len(gs.open))
	}
}
