package flow

import (
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"
)

func TestScenarioAppliesDeclinesPack(t *testing.T) {
	pc, g := newContext(t, 120, 40, setup{held: true})
	r := start(t, NewScenario(pc), 120, 40)
	r.shows("› pack:banks", "pack:declines", "one token per declining test card")
	r.keys("down", "down", "enter")
	r.shows("tokenscope will perform the following actions:", "# token.generic_decline will be created", "enter apply")
	r.keys("enter")
	s := r.shows("token.generic_decline: Creating...", "0/32 changes")
	if !s.inFlight {
		t.Error("the flow is not in flight while applying")
	}
	close(g.open)
	r.shows("Apply complete! Resources: 32 added, 0 changed, 0 destroyed.", "declined as expected: card_declined / insufficient_funds")
	r.keys("enter")
	s = r.until("done", func(s snapshot) bool { return s.done != nil })
	if s.done.Cancelled || !strings.HasPrefix(s.done.Status, "pack:declines: Apply complete!") {
		t.Errorf("done = %+v", s.done)
	}

	again := start(t, NewScenario(pc), 120, 40)
	again.keys("down", "down", "enter")
	again.shows("No changes.", "16 tokens already in the state")
}

func TestScenarioFileWithTypoSendsNothing(t *testing.T) {
	dir := t.TempDir()
	src := "token \"x\" {\n  card {\n    prest = \"visa\"\n  }\n}\n"
	if err := os.WriteFile(dir+"/checkout.hcl", []byte(src), 0o600); err != nil {
		t.Fatal(err)
	}
	t.Chdir(dir)
	var hits atomic.Int64
	pc, _ := newContext(t, 80, 24, setup{wrap: func(next http.Handler) http.Handler {
		return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			hits.Add(1)
			next.ServeHTTP(w, r)
		})
	}})
	pc.ScenarioDir = "." // as the local TUI sets it
	r := start(t, NewScenario(pc), 80, 24)
	r.shows("checkout.hcl")
	r.keys("down", "down", "down", "enter")
	r.shows("! checkout.hcl:3,5-10: Unsupported argument", `Did you mean "preset"?`, "nothing was sent")
	r.keys("enter") // no plan: enter applies nothing
	r.keys("esc")
	r.shows("› checkout.hcl")
	if hits.Load() != 0 {
		t.Errorf("%d requests sent for a scenario with errors", hits.Load())
	}
}

// Without a ScenarioDir (tokenscope serve) the picker lists the packs only:
// an attendee never sees the files where the server was started.
func TestScenarioPickerWithoutDirListsPacksOnly(t *testing.T) {
	dir := t.TempDir()
	if err := os.WriteFile(dir+"/server-secret.hcl", []byte("token \"x\" {\n  card {\n    preset = \"visa\"\n  }\n}\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	t.Chdir(dir)
	pc, _ := newContext(t, 80, 24, setup{})
	r := start(t, NewScenario(pc), 80, 24)
	s := r.shows("› pack:banks", "pack:declines", "enter: plan")
	if strings.Contains(s.view, "server-secret") || strings.Contains(s.view, "working directory") {
		t.Errorf("the picker shows the server's files:\n%s", s.view)
	}
	r.keys("up") // from the first entry to the last: a pack, not the file
	if s := r.shows("›"); strings.Contains(s.view, "server-secret") {
		t.Errorf("the file is listed below the packs:\n%s", s.view)
	}

	// A copy: the first program still reads pc while the test goes on.
	local := *pc
	local.ScenarioDir = dir
	with := start(t, NewScenario(&local), 200, 24) // wide: the temp dir's path is long
	with.shows("server-secret.hcl", "scenario file in "+filepath.Base(dir)+"/")
}
