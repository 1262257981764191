package sshserver

import (
	"io"
	"testing"
	"time"
)

// Keys typed while the background colour query waits, before its answers
// and in the same write as them, reach the TUI; the answers do not.
func TestKeysTypedDuringTheColourQueryReachTheTUI(t *testing.T) {
	r, w := io.Pipe()
	in := newInput(r)
	defer in.stop()
	go func() {
		w.Write([]byte("jj"))
		w.Write([]byte("\x1b[A\x1b]11;rgb:0000/0000/0000\x1b\\k\x1b[?62;22cq/"))
		time.Sleep(10 * time.Millisecond)
		w.Write([]byte("x"))
	}()
	dark, ok := darkBackground(io.Discard, in)
	if !dark || !ok {
		t.Fatalf("darkBackground = %v, %v; want a dark background, answered", dark, ok)
	}
	got := make([]byte, 0, 16)
	buf := make([]byte, 16)
	for len(got) < len("jj\x1b[Akq/x") {
		n, err := in.readBefore(buf, time.Now().Add(5*time.Second))
		if err != nil {
			t.Fatalf("after %q: %v", got, err)
		}
		got = append(got, buf[:n]...)
	}
	if string(got) != "jj\x1b[Akq/x" {
		t.Fatalf("the TUI reads %q, want the keys typed %q", got, "jj\x1b[Akq/x")
	}
}

func TestWithoutRepliesKeepsTheRest(t *testing.T) {
	for in, want := range map[string]string{
		"":                                      "",
		"abc":                                   "abc",
		"\x1b]11;rgb:ffff/ffff/ffff\x07a":       "a",
		"a\x1b[?1;2cb":                          "ab",
		"\x1b[c\x1b[1;5A":                       "\x1b[c\x1b[1;5A", // not replies: a query and ctrl+up
		"\x1b]10;rgb:0000/0000/0000\x1b\\é":     "\x1b]10;rgb:0000/0000/0000\x1b\\é",
		"\x1b]11;rgb:0000/0000/0000\x1b\\\x1b[": "\x1b[", // a key cut short stays
	} {
		if got := string(withoutReplies([]byte(in))); got != want {
			t.Errorf("withoutReplies(%q) = %q, want %q", in, got, want)
		}
	}
}
