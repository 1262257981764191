package cli

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestProgressLineRewritesThenClears(t *testing.T) {
	var b bytes.Buffer
	progress, end := progressLine(&b)
	progress(1, 3)
	progress(3, 3)
	end()
	if want := "\rRefreshing 1/3…\rRefreshing 3/3…\r\x1b[K"; b.String() != want {
		t.Errorf("progress wrote %q, want %q", b.String(), want)
	}
	b.Reset()
	_, end = progressLine(&b)
	end()
	if b.Len() != 0 {
		t.Errorf("end without progress wrote %q", b.String())
	}
}

// Scripts get no progress: stderr a file (not a terminal) or a pipe stays
// empty on success, and stdout holds only the report.
func TestRefreshWithoutTerminalPrintsNoProgress(t *testing.T) {
	s := newSandbox(t)
	s.create("card", "visa")
	s.create("bank", "bank_ok")

	errFile, err := os.Create(filepath.Join(t.TempDir(), "stderr"))
	if err != nil {
		t.Fatal(err)
	}
	defer errFile.Close()
	for _, args := range [][]string{{"refresh"}, {"refresh", "--json"}} {
		var out bytes.Buffer
		if code := Main(context.Background(), args, strings.NewReader(""), &out, errFile, func(k string) string { return s.vars[k] }); code != 0 {
			t.Fatalf("%v: exit %d\n%s", args, code, out.String())
		}
		if strings.Contains(out.String(), "Refreshing") || strings.Contains(out.String(), "\r") {
			t.Errorf("%v: progress on stdout:\n%q", args, out.String())
		}
	}
	if data, _ := os.ReadFile(errFile.Name()); len(data) != 0 {
		t.Errorf("stderr (a file, not a terminal) got %q", data)
	}
	if r := s.ok("refresh"); r.errOut != "" {
		t.Errorf("stderr (a buffer) got %q", r.errOut)
	}
}
