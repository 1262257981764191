package sshserver

import (
	"encoding/base64"
	"io/fs"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// A guest has no shell on the server: m copies the report itself to the
// guest's clipboard (OSC 52 over the session) and shows it, and writes no
// file in the state dir or the guest's own dir under it.
func TestGuestReportIsCopiedNotWritten(t *testing.T) {
	key := newKey(t)
	ts := start(t, offlineConfig(t, key))
	tm := ts.open(t, key, "xterm-256color", 100, 30)
	tm.waitFor("Welcome to tokenscope.")
	tm.createVisa()
	id := waitTokens(t, ts, Workspace(key.PublicKey()), 1)[0]
	tm.typeKeys("\x1b") // back to the list
	tm.waitFor(id)
	tm.typeKeys("m")
	tm.waitFor("report copied to your clipboard (OSC 52)", "Report "+id)

	m := regexp.MustCompile("\x1b]52;c;([A-Za-z0-9+/=]+)\a").FindStringSubmatch(tm.raw())
	if m == nil {
		t.Fatalf("no OSC 52 copy in the session's output")
	}
	report, err := base64.StdEncoding.DecodeString(m[1])
	if err != nil || !strings.Contains(string(report), id) || !strings.Contains(string(report), "# ") {
		t.Errorf("the copy is not the report of %s (%v):\n%s", id, err, report)
	}
	if strings.Contains(string(report), ts.dir) {
		t.Errorf("the copy names the server's state dir %s:\n%s", ts.dir, report)
	}
	err = filepath.WalkDir(ts.dir, func(p string, d fs.DirEntry, err error) error {
		if err == nil && strings.HasSuffix(p, ".md") {
			t.Errorf("a report was written on the server: %s", p)
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
}
