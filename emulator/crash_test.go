package emulator

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"os/exec"
	"strings"
	"sync"
	"testing"
	"time"
)

// crashDirEnv names the dir of the emulator TestCrashChild serves; it is
// set only in the child process TestCrashKeepsAcknowledgedWrites starts.
const crashDirEnv = "TOKENSCOPE_CRASH_CHILD_DIR"

// TestCrashChild is the process TestCrashKeepsAcknowledgedWrites kills:
// an emulator on a log store that compacts often, served over HTTP until
// it is killed.
func TestCrashChild(t *testing.T) {
	dir := os.Getenv(crashDirEnv)
	if dir == "" {
		t.Skip("run by TestCrashKeepsAcknowledgedWrites")
	}
	e, err := New(Options{Dir: dir})
	if err != nil {
		t.Fatal(err)
	}
	e.store.(*logStore).compact = 64 << 10
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	fmt.Printf("serving http://%s\n", ln.Addr())
	t.Fatal(http.Serve(ln, e))
}

// An emulator killed with SIGKILL while 8 clients create tokens keeps
// every token it answered 200 for: three kills on one dir, each followed
// by a restart that reads them all back (and cuts a torn record if the
// kill left one).
func TestCrashKeepsAcknowledgedWrites(t *testing.T) {
	if testing.Short() {
		t.Skip("starts and kills processes")
	}
	dir := t.TempDir()
	var acked []string
	for round := range 3 {
		cmd := exec.Command(os.Args[0], "-test.run=^TestCrashChild$")
		cmd.Env = append(os.Environ(), crashDirEnv+"="+dir)
		out, _ := cmd.StdoutPipe()
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		line, _ := bufio.NewReader(out).ReadString('\n')
		base, ok := strings.CutPrefix(strings.TrimSpace(line), "serving ")
		if !ok {
			cmd.Process.Kill()
			cmd.Wait()
			t.Fatalf("round %d: the child said %q", round, line)
		}
		go io.Copy(io.Discard, out)

		var mu sync.Mutex
		var wg sync.WaitGroup
		stop := time.Now().Add(time.Duration(300+200*round) * time.Millisecond)
		for range 8 {
			wg.Go(func() {
				client := &http.Client{Timeout: 10 * time.Second}
				for time.Now().Before(stop) {
					if id, ok := createOver(client, base); ok {
						mu.Lock()
						acked = append(acked, id)
						mu.Unlock()
					}
				}
				// Still sending when the kill comes.
				for range 50 {
					if id, ok := createOver(client, base); ok {
						mu.Lock()
						acked = append(acked, id)
						mu.Unlock()
					} else {
						return
					}
				}
			})
		}
		time.Sleep(time.Until(stop) + 5*time.Millisecond)
		cmd.Process.Kill() // SIGKILL
		cmd.Wait()
		wg.Wait()

		e, err := New(Options{Dir: dir, Keep: LogOptions{Logf: t.Logf}})
		if err != nil {
			t.Fatalf("round %d: restart: %v", round, err)
		}
		missing := 0
		for _, id := range acked {
			if rec := do(t, e, "GET", "/v1/tokens/"+id, testKey, "", nil); rec.Code != 200 {
				missing++
			}
		}
		e.Close()
		t.Logf("round %d: %d tokens acknowledged so far, %d missing after the kill", round, len(acked), missing)
		if missing > 0 || len(acked) == 0 {
			t.Fatalf("round %d: %d of %d acknowledged tokens lost", round, missing, len(acked))
		}
	}
}

// createOver creates a token over HTTP and returns its id if the answer
// was a 200.
func createOver(client *http.Client, base string) (string, bool) {
	req, _ := http.NewRequest(http.MethodPost, base+"/v1/tokens",
		strings.NewReader("card[number]=4242424242424242&card[exp_month]=12&card[exp_year]=2034&card[cvc]=123"))
	req.Header.Set("Authorization", "Bearer "+testKey)
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	res, err := client.Do(req)
	if err != nil {
		return "", false
	}
	defer res.Body.Close()
	var tok struct{ ID string }
	if res.StatusCode != http.StatusOK || json.NewDecoder(res.Body).Decode(&tok) != nil || tok.ID == "" {
		return "", false
	}
	return tok.ID, true
}
