package emulator

import (
	"bufio"
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// deliverDirEnv names the state dir TestDeliverChild delivers from; it is
// set only in the child process TestWebhooksResumeADeliveryCutOffByAKill
// starts.
const deliverDirEnv = "TOKENSCOPE_DELIVER_CHILD_DIR"

// TestDeliverChild is the process TestWebhooksResumeADeliveryCutOffByAKill
// kills: it delivers the webhooks of the emulator in its dir until then.
func TestDeliverChild(t *testing.T) {
	dir := os.Getenv(deliverDirEnv)
	if dir == "" {
		t.Skip("run by TestWebhooksResumeADeliveryCutOffByAKill")
	}
	e, err := New(Options{Dir: dir})
	if err != nil {
		t.Fatal(err)
	}
	os.Stdout.WriteString("delivering\n")
	t.Fatal(e.Deliver(context.Background(), DeliverOptions{}))
}

// A process killed (SIGKILL) while it sends a delivery leaves it
// "delivering", claimed by a process that is gone: the next process on the
// state dir sends it at once, and before the endpoint's newer events.
func TestWebhooksResumeADeliveryCutOffByAKill(t *testing.T) {
	if testing.Short() {
		t.Skip("starts and kills a process")
	}
	dir := t.TempDir()
	e, err := New(Options{Dir: dir})
	if err != nil {
		t.Fatal(err)
	}
	defer e.Close()
	r := newReceiver(t)
	cut := make(chan struct{}, 1)
	r.cutOff = cut
	r.endpoint(e, "customer.created")
	post(t, e, "/v1/customers", "email=first@example.com", nil)
	first := firstEvent(t, e)

	cmd := exec.Command(os.Args[0], "-test.run=^TestDeliverChild$")
	cmd.Env = append(os.Environ(), deliverDirEnv+"="+dir)
	out, _ := cmd.StdoutPipe()
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	if line, _ := bufio.NewReader(out).ReadString('\n'); strings.TrimSpace(line) != "delivering" {
		cmd.Process.Kill()
		cmd.Wait()
		t.Fatalf("the child said %q", line)
	}
	<-cut              // the child is sending the first event
	cmd.Process.Kill() // SIGKILL, mid-delivery
	cmd.Wait()

	post(t, e, "/v1/customers", "email=second@example.com", nil)
	second := firstEvent(t, e)
	deliverInBackground(t, e, DeliverOptions{})
	r.wait()
	r.wait()
	r.mu.Lock()
	got := slices.Clone(r.got)
	r.mu.Unlock()
	if want := []string{first, second}; !slices.Equal(got, want) {
		t.Errorf("delivered %v after the kill, want %v", got, want)
	}
	// The killed child's lock file is gone; this process's is there.
	if files, _ := filepath.Glob(filepath.Join(dir, ownerPrefix+"*")); len(files) != 1 {
		t.Errorf("deliverers' lock files: %v, want this process's only", files)
	}
}
