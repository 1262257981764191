package state

import (
	"bytes"
	"context"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/tokenscope/tokenscope/internal/fsutil"
	"github.com/tokenscope/tokenscope/model"
)

func TestLoadMissingIsEmpty(t *testing.T) {
	s := openStore(t, t.TempDir())
	st, err := s.Load()
	if err != nil {
		t.Fatal(err)
	}
	if st.Version != Version || st.Serial != 0 || len(st.Workspaces) != 0 {
		t.Fatalf("empty state = %+v", st)
	}
}

func TestRoundTripSerialAndBackup(t *testing.T) {
	s := openStore(t, t.TempDir())
	first := addTokens(t, s, "offline", "tok_a")
	if first.Serial != 1 || first.Lineage == "" {
		t.Fatalf("first write: serial %d lineage %q, want 1 and a lineage", first.Serial, first.Lineage)
	}
	if _, err := os.Stat(s.Path() + ".backup"); !errors.Is(err, os.ErrNotExist) {
		t.Fatalf("backup after the first write: %v, want none (there was no previous file)", err)
	}
	before, err := os.ReadFile(s.Path())
	if err != nil {
		t.Fatal(err)
	}

	second := addTokens(t, s, "offline", "tok_b")
	if second.Serial != 2 || second.Lineage != first.Lineage {
		t.Fatalf("second write: serial %d lineage %q, want 2 and %q", second.Serial, second.Lineage, first.Lineage)
	}
	backup, err := os.ReadFile(s.Path() + ".backup")
	if err != nil || !bytes.Equal(backup, before) {
		t.Fatalf("backup does not hold the previous file (err %v)", err)
	}

	loaded, err := s.Load()
	if err != nil {
		t.Fatal(err)
	}
	w := loaded.Workspace("offline")
	if loaded.Serial != 2 || len(w.Tokens) != 2 || w.Tokens[0].ID != "tok_b" {
		t.Fatalf("loaded serial %d tokens %v", loaded.Serial, ids(w))
	}
	if !bytes.Equal(w.Tokens[1].Raw, cardRecord("tok_a").Raw) {
		t.Fatalf("Raw changed on the way through the file:\n%s", w.Tokens[1].Raw)
	}
	if !w.Tokens[1].FetchedAt.Equal(cardRecord("tok_a").FetchedAt) {
		t.Fatalf("FetchedAt %v changed", w.Tokens[1].FetchedAt)
	}
}

// Files are 0600 whatever was there before; an existing dir only its
// owner can write in is used with its mode unchanged (never chmodded).
func TestFileModesAreTightened(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "state")
	if err := os.Mkdir(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	// A state.json a user copied in with loose bits.
	if err := os.WriteFile(filepath.Join(dir, FileName), []byte(`{"version":1,"serial":4,"lineage":"x","workspaces":{}}`), 0o644); err != nil {
		t.Fatal(err)
	}
	s := openStore(t, dir)
	addTokens(t, s, "offline", "tok_a")
	addTokens(t, s, "offline", "tok_b")
	for path, want := range map[string]os.FileMode{
		dir:                                  0o755,
		s.Path():                             fsutil.FileMode,
		s.Path() + ".backup":                 fsutil.FileMode,
		filepath.Join(dir, FileName+".lock"): fsutil.FileMode,
	} {
		fi, err := os.Stat(path)
		if err != nil {
			t.Fatal(err)
		}
		if got := fi.Mode().Perm(); got != want {
			t.Errorf("%s: mode %o, want %o", filepath.Base(path), got, want)
		}
	}
	entries, _ := os.ReadDir(dir)
	for _, e := range entries {
		if strings.HasPrefix(e.Name(), ".") || strings.Contains(e.Name(), ".lock.info") {
			t.Errorf("left behind: %s", e.Name())
		}
	}
}

func TestFailingUpdateWritesNothing(t *testing.T) {
	s := openStore(t, t.TempDir())
	addTokens(t, s, "offline", "tok_a")
	before, _ := os.ReadFile(s.Path())
	boom := errors.New("boom")
	st, err := s.Update(context.Background(), "create", func(st *State) error {
		st.Workspace("offline").Upsert(cardRecord("tok_b"))
		return boom
	})
	if !errors.Is(err, boom) || st != nil {
		t.Fatalf("Update = %v, %v; want nil, boom", st, err)
	}
	after, _ := os.ReadFile(s.Path())
	if !bytes.Equal(before, after) {
		t.Fatal("a failed Update changed state.json")
	}
}

func TestCorruptStateIsAnErrorNamingTheBackup(t *testing.T) {
	s := openStore(t, t.TempDir())
	addTokens(t, s, "offline", "tok_a")
	addTokens(t, s, "offline", "tok_b")
	if err := os.WriteFile(s.Path(), []byte(`{"version":1,"serial":3,"work`), fsutil.FileMode); err != nil {
		t.Fatal(err)
	}
	_, err := s.Load()
	if err == nil {
		t.Fatal("Load of a torn file succeeded")
	}
	for _, want := range []string{s.Path(), s.Path() + ".backup"} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("error %q does not name %s", err, want)
		}
	}
	if _, err := s.Update(context.Background(), "create", func(*State) error { return nil }); err == nil {
		t.Fatal("Update over a corrupt state succeeded (it would have saved an empty state over the tokens)")
	}
	if data, _ := os.ReadFile(s.Path()); string(data) != `{"version":1,"serial":3,"work` {
		t.Fatal("Update changed the corrupt file")
	}
}

func TestLoadRefusesOtherVersions(t *testing.T) {
	for _, body := range []string{`{"version":3,"workspaces":{}}`, `{"workspaces":{}}`, `null`, ``} {
		s := openStore(t, t.TempDir())
		if err := os.WriteFile(s.Path(), []byte(body), fsutil.FileMode); err != nil {
			t.Fatal(err)
		}
		if _, err := s.Load(); err == nil {
			t.Errorf("Load(%q) succeeded", body)
		}
	}
}

// A tokenscope that reads version 1 only takes a pending move for a
// corrupt state and advises restoring the backup, which drops a request
// the API made; the file says version 2 while it holds one, and version 1
// otherwise so that such a tokenscope keeps reading ordinary states.
func TestVersionTwoOnlyWhileAMoveIsPending(t *testing.T) {
	s := openStore(t, t.TempDir())
	move := model.NewPendingMove(model.MoveRequest{Action: model.MoveCapture, ID: "ch_1", Amount: 500}, "k-move", time.Now())
	steps := []struct {
		name string
		fn   func(w *Workspace)
		want string
	}{
		{"a pending create", func(w *Workspace) {
			w.AddPending(model.Pending{Key: "k", Op: model.PendingCreate, Summary: "create card visa"})
		}, `{"version":1,`},
		{"a pending move", func(w *Workspace) { w.AddPending(move) }, `{"version":2,`},
		{"the move answered", func(w *Workspace) { w.RemovePending("k-move") }, `{"version":1,`},
	}
	for _, step := range steps {
		if _, err := s.Update(context.Background(), "test", func(st *State) error {
			step.fn(st.Workspace("offline"))
			return nil
		}); err != nil {
			t.Fatalf("%s: %v", step.name, err)
		}
		data, err := os.ReadFile(s.Path())
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.HasPrefix(data, []byte(step.want)) {
			t.Errorf("%s: file starts %.20q, want %q", step.name, data, step.want)
		}
		if _, err := s.Load(); err != nil {
			t.Errorf("%s: reading it back: %v", step.name, err)
		}
	}
}

// A state from a newer tokenscope is not corrupt: the error says so and
// does not advise restoring the backup, which would drop what it wrote.
func TestLoadNewerVersionAdvisesNoRestore(t *testing.T) {
	s := openStore(t, t.TempDir())
	addTokens(t, s, "offline", "tok_a")
	addTokens(t, s, "offline", "tok_b") // a backup exists
	if err := os.WriteFile(s.Path(), []byte(`{"version":3,"workspaces":{}}`), fsutil.FileMode); err != nil {
		t.Fatal(err)
	}
	_, err := s.Load()
	if err == nil || !strings.Contains(err.Error(), "newer tokenscope") || strings.Contains(err.Error(), "restore") {
		t.Fatalf("Load of version 3 = %v, want it written by a newer tokenscope, without advice to restore the backup", err)
	}
}

func TestMaxTokensTrimsOnWrite(t *testing.T) {
	s := openStore(t, t.TempDir(), func(o *Options) { o.MaxTokens = 3 })
	if _, err := s.Update(context.Background(), "apply", func(st *State) error {
		w := st.Workspace("offline")
		for _, id := range []string{"tok_1", "tok_2", "tok_3", "tok_4"} {
			w.Upsert(cardRecord(id))
		}
		w.Scenarios = map[string]string{"token.first": "tok_1", "token.last": "tok_4"}
		st.Workspace("stripe-mock").Upsert(cardRecord("tok_m"))
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	st, err := s.Load()
	if err != nil {
		t.Fatal(err)
	}
	w := st.Workspace("offline")
	if got := strings.Join(ids(w), ","); got != "tok_4,tok_3,tok_2" {
		t.Fatalf("kept %s, want tok_4,tok_3,tok_2", got)
	}
	if _, ok := w.Scenarios["token.first"]; ok || w.Scenarios["token.last"] != "tok_4" {
		t.Fatalf("scenarios %v: want token.first dropped with its token, token.last kept", w.Scenarios)
	}
	if got := ids(st.Workspace("stripe-mock")); len(got) != 1 {
		t.Fatalf("the other workspace has %v", got)
	}
}

func TestOpenWithoutDir(t *testing.T) {
	if _, err := Open(Options{}); err == nil {
		t.Fatal("Open without a dir succeeded")
	}
}

// Update refuses a state holding a secret and leaves the file as it was.
func TestUpdateRefusesSecrets(t *testing.T) {
	for name, leak := range map[string]string{
		"card number":         "4242424242424242",
		"grouped card number": "4000 0566 5566 5556",
		"amex":                "378282246310005",
		"secret key":          "sk_test_51AbCdEfGhIjKlMnOp",
		"restricted live key": "rk_" + "live_51AbCdEfGhIjKlMnOp",
	} {
		t.Run(name, func(t *testing.T) {
			s := openStore(t, t.TempDir())
			addTokens(t, s, "offline", "tok_a")
			before, _ := os.ReadFile(s.Path())
			_, err := s.Update(context.Background(), "create", func(st *State) error {
				r := cardRecord("tok_b")
				r.Summary = "oops " + leak
				st.Workspace("offline").Upsert(r)
				return nil
			})
			if err == nil {
				t.Fatal("the write was not refused")
			}
			if strings.Contains(err.Error(), leak) {
				t.Errorf("the error repeats the secret: %v", err)
			}
			if after, _ := os.ReadFile(s.Path()); !bytes.Equal(before, after) {
				t.Error("state.json changed")
			}
		})
	}
}

// A whole realistic state, lineage, request ids and times included,
// passes the secret guard.
func TestRealStatePassesTheSecretGuard(t *testing.T) {
	var st State
	st.Version, st.Serial, st.Lineage = Version, 12, fsutil.NewID()
	for i := 0; i < 200; i++ {
		st.Workspace("offline").Upsert(cardRecord(tokID("real", i)))
	}
	data, err := encode(&st)
	if err != nil {
		t.Fatal(err)
	}
	if err := fsutil.CheckSecrets(data); err != nil {
		t.Fatalf("a real state is refused: %v", err)
	}
}

func mode(t *testing.T, path string) os.FileMode {
	t.Helper()
	fi, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	return fi.Mode().Perm()
}

// A state dir of another user's (root running in alice's dir): reading
// works; writing is refused with a message naming the dir and its owner,
// and neither the dir nor state.json changes.
func TestAnotherUsersStateDir(t *testing.T) {
	if os.Geteuid() != 0 {
		t.Skip("needs root to chown")
	}
	dir := filepath.Join(t.TempDir(), "state")
	seed := openStore(t, dir)
	addTokens(t, seed, "offline", "tok_a")
	if err := os.Chown(dir, 12345, 12345); err != nil {
		t.Fatal(err)
	}

	s, err := Open(Options{Dir: dir})
	if err != nil {
		t.Fatalf("Open: %v", err)
	}
	st, err := s.Load()
	if err != nil {
		t.Fatalf("Load: %v", err)
	}
	if _, ok := st.Workspace("offline").Find("tok_a"); !ok {
		t.Fatal("the state was not read")
	}
	want := "refusing to write in " + dir + ": it belongs to another user (mode 0700, owner uid 12345)"
	if err := s.Prepare(); err == nil || !strings.Contains(err.Error(), want) || !strings.Contains(err.Error(), "--state-dir") {
		t.Errorf("Prepare: %v", err)
	}
	before, _ := os.ReadFile(s.Path())
	_, err = s.Update(context.Background(), "create", func(*State) error { return nil })
	if err == nil || !strings.Contains(err.Error(), want) {
		t.Errorf("Update: %v", err)
	}
	if after, _ := os.ReadFile(s.Path()); string(after) != string(before) {
		t.Error("state.json changed")
	}
	if mode(t, dir) != fsutil.DirMode {
		t.Errorf("the dir's mode changed to %v", mode(t, dir))
	}
}

// Open does not touch the disk: the dir appears on the first write.
func TestOpenIsLazy(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "state")
	s := openStore(t, dir)
	if _, err := os.Stat(dir); !os.IsNotExist(err) {
		t.Fatalf("Open made the dir: %v", err)
	}
	if st, err := s.Load(); err != nil || len(st.Workspaces) != 0 {
		t.Fatalf("Load of a missing dir: %v", err)
	}
	addTokens(t, s, "offline", "tok_a")
	if mode(t, dir) != fsutil.DirMode {
		t.Errorf("dir mode %v", mode(t, dir))
	}
}

// failCreateTemp makes the write probe fail as it does in a 0500 dir of
// this user's (tests may run as root, where it never fails).
func failCreateTemp(t *testing.T) {
	old := createTemp
	createTemp = func(dir, pattern string) (*os.File, error) {
		return nil, &fs.PathError{Op: "open", Path: filepath.Join(dir, pattern), Err: fs.ErrPermission}
	}
	t.Cleanup(func() { createTemp = old })
}

// Prepare proves the dir can be written: a private dir that refuses a new
// file is refused with a plain message naming the dir and --state-dir, and
// a writable one is left as it was found.
func TestPrepareProbesWritability(t *testing.T) {
	dir := t.TempDir()
	s := openStore(t, dir)
	if err := s.Prepare(); err != nil {
		t.Fatalf("Prepare on a writable dir: %v", err)
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 0 {
		t.Errorf("the probe was left behind: %v", entries)
	}
	failCreateTemp(t)
	err := s.Prepare()
	if err == nil || !strings.Contains(err.Error(), "cannot write to the state dir "+dir+" (permission denied)") || !strings.Contains(err.Error(), "--state-dir") {
		t.Errorf("Prepare on a dir that refuses writes: %v", err)
	}
	// A script tells it apart by its code, as it does a locked or
	// corrupt state.
	if code := model.LocalCodeOf(err); code != model.CodeStateUnwritable {
		t.Errorf("Prepare's refusal has code %q", code)
	}
}

// A serial at its maximum is refused, not wrapped to a negative number,
// and the file is left as it was.
func TestSerialDoesNotWrap(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "state")
	os.Mkdir(dir, 0o700)
	s := openStore(t, dir)
	for _, serial := range []string{"9223372036854775807", "-3"} {
		before := `{"version":1,"serial":` + serial + `,"lineage":"x","workspaces":{}}`
		os.WriteFile(s.Path(), []byte(before), 0o600)
		_, err := s.Update(context.Background(), "create", func(st *State) error {
			st.Workspace("offline").Upsert(cardRecord("tok_a"))
			return nil
		})
		if err == nil || !strings.Contains(err.Error(), "serial "+serial+" cannot be bumped") {
			t.Errorf("serial %s: %v", serial, err)
		}
		if after, _ := os.ReadFile(s.Path()); string(after) != before {
			t.Errorf("serial %s: the file changed to %s", serial, after)
		}
	}
}

// Hold saves as many times as it is asked under one lock, each save a
// serial of its own; what it saved last is what Load reads.
func TestHoldSavesTwice(t *testing.T) {
	s := openStore(t, filepath.Join(t.TempDir(), "state"))
	err := s.Hold(context.Background(), "create", func(l *Locked) error {
		w := l.State().Workspace("offline")
		w.AddPending(model.Pending{Key: "k", Op: model.PendingCreate, Summary: "create card visa"})
		if err := l.Save(); err != nil {
			return err
		}
		if st, _ := s.Load(); st.Serial != 1 || len(st.Workspace("offline").Pending) != 1 {
			t.Errorf("after the first save: serial %d pending %v", st.Serial, st.Workspace("offline").Pending)
		}
		w.RemovePending("k")
		w.Upsert(cardRecord("tok_a"))
		return l.Save()
	})
	if err != nil {
		t.Fatal(err)
	}
	st, _ := s.Load()
	if w := st.Workspace("offline"); st.Serial != 2 || len(w.Pending) != 0 || len(w.Tokens) != 1 {
		t.Errorf("serial %d pending %v tokens %d", st.Serial, w.Pending, len(w.Tokens))
	}
}
