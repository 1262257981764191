package e2e

import (
	"bufio"
	"fmt"
	"io"
	"net/http"
	"os"
	"os/exec"
	"slices"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"
	"testing"
	"time"

	"github.com/tokenscope/tokenscope/internal/stripemock"
)

// The emulator as a test server, against stripe-mock: token
// creates over HTTP from 16 clients, the same client code for both, each
// server a child process of the benchmark on loopback, on the same cores:
//
//	go test -run '^$' -bench 'TokenCreate16|EmulatorRestart' -benchtime 20000x ./e2e/
//
// TokenCreate16/stripe-mock is stripe-mock (which keeps nothing);
// /emulator-empty is `tokenscope emulator` on an empty state dir;
// /emulator-tmpfs the same with its state dir in memory (tmpfsDir);
// /emulator-100k the same as -empty after 100,000 tokens were created
// through it (made once per run, over HTTP, and shared with
// EmulatorRestart100k, which times a restart of the emulator on them:
// start to first answer).
// Every answer from the emulator is on disk (fsynced) before it is sent.

// loadClients is how many clients send at once.
const loadClients = 16

const createBody = "card[number]=4242424242424242&card[exp_month]=12&card[exp_year]=2034&card[cvc]=123"

func BenchmarkTokenCreate16(b *testing.B) {
	b.Run("stripe-mock", func(b *testing.B) {
		base := stripemock.Start(b)
		createLoad(b, base, b.N, stripemock.PID())
	})
	b.Run("emulator-empty", func(b *testing.B) {
		emu := startEmulator(b, b.TempDir())
		defer emu.stop(b)
		createLoad(b, emu.url, b.N, emu.cmd.Process.Pid)
		emu.reportMemory(b)
	})
	b.Run("emulator-tmpfs", func(b *testing.B) {
		dir := tmpfsDir(b)
		emu := startEmulator(b, dir)
		defer emu.stop(b)
		createLoad(b, emu.url, b.N, emu.cmd.Process.Pid)
		emu.reportMemory(b)
	})
	b.Run("emulator-100k", func(b *testing.B) {
		emu := filled(b)
		createLoad(b, emu.url, b.N, emu.cmd.Process.Pid)
		emu.reportMemory(b)
	})
}

// tmpfsDir is a temp dir in memory (/dev/shm), where an fsync returns at
// once: emulator-tmpfs is the emulator without the wait for the disk,
// which stripe-mock (keeping nothing) never has. It is also the setup the
// README advises for CI, whose state does not outlive the job.
func tmpfsDir(b *testing.B) string {
	b.Helper()
	var fs syscall.Statfs_t
	const tmpfsMagic = 0x01021994
	if err := syscall.Statfs("/dev/shm", &fs); err != nil || fs.Type != tmpfsMagic {
		b.Skip("no tmpfs at /dev/shm")
	}
	dir, err := os.MkdirTemp("/dev/shm", "tokenscope-bench-")
	if err != nil {
		b.Skip(err)
	}
	b.Cleanup(func() { os.RemoveAll(dir) })
	return dir
}

// BenchmarkEmulatorRestart100k stops the emulator holding 100,000 tokens
// and starts it again: the time from starting the process to the first
// answer (budget 1 s), the CPU time the process spent until then (on a
// shared machine the time says as much about the other work as about the
// start-up), and its memory once started.
func BenchmarkEmulatorRestart100k(b *testing.B) {
	emu := filled(b)
	var total, cpu time.Duration
	for range b.N {
		emu.stop(b)
		start := time.Now()
		*emu = *startEmulator(b, emu.dir)
		total += time.Since(start)
		cpu += cpuTime(b, emu.cmd.Process.Pid)
	}
	b.ReportMetric(float64(total.Microseconds())/1000/float64(b.N), "ms/restart")
	b.ReportMetric(float64(cpu.Microseconds())/1000/float64(b.N), "server-cpu-ms/restart")
	emu.reportMemory(b)
}

// createLoad sends n token creates to base from loadClients clients and
// reports requests per second, the 99th percentile latency and the CPU
// time the server (process pid) spent per request: on a machine shared
// with other work, requests per second say how much CPU the run got as
// much as how fast the server is, and CPU per request says the latter.
func createLoad(b *testing.B, base string, n, pid int) {
	b.Helper()
	cpu := cpuTime(b, pid)
	b.ResetTimer()
	lat := sendCreates(b, base, n)
	b.StopTimer()
	cpu = cpuTime(b, pid) - cpu
	slices.Sort(lat)
	b.ReportMetric(float64(n)/b.Elapsed().Seconds(), "req/s")
	b.ReportMetric(float64(lat[len(lat)*99/100].Microseconds())/1000, "p99-ms")
	b.ReportMetric(float64(cpu.Microseconds())/float64(n), "server-cpu-µs/req")
}

// sendCreates sends n token creates to base from loadClients clients, each
// on its own connection, and returns how long each took; a failure fails
// b (once).
func sendCreates(b *testing.B, base string, n int) []time.Duration {
	b.Helper()
	client := &http.Client{Transport: &http.Transport{MaxIdleConnsPerHost: loadClients, MaxConnsPerHost: loadClients}}
	defer client.CloseIdleConnections()
	var (
		next   atomic.Int64
		failed atomic.Int64
		wg     sync.WaitGroup
		mu     sync.Mutex
		lat    = make([]time.Duration, 0, n)
	)
	for range loadClients {
		wg.Go(func() {
			var mine []time.Duration
			for next.Add(1) <= int64(n) {
				start := time.Now()
				if err := create(client, base); err != nil && failed.Add(1) == 1 {
					b.Error(err)
				}
				mine = append(mine, time.Since(start))
			}
			mu.Lock()
			lat = append(lat, mine...)
			mu.Unlock()
		})
	}
	wg.Wait()
	return lat
}

// cpuTime is the user and system CPU time of process pid so far, from
// /proc (in clock ticks of 10 ms, Linux's USER_HZ).
func cpuTime(b *testing.B, pid int) time.Duration {
	b.Helper()
	data, err := os.ReadFile(fmt.Sprintf("/proc/%d/stat", pid))
	if err != nil {
		b.Fatal(err)
	}
	// The fields after the command name, which is in parentheses:
	// utime and stime are the 14th and 15th of the line.
	_, rest, _ := strings.Cut(string(data), ") ")
	f := strings.Fields(rest)
	var ticks int64
	for _, s := range f[11:13] {
		n, err := strconv.ParseInt(s, 10, 64)
		if err != nil {
			b.Fatalf("/proc/%d/stat: %v", pid, err)
		}
		ticks += n
	}
	return time.Duration(ticks) * 10 * time.Millisecond
}

// create makes one card token.
func create(client *http.Client, base string) error {
	req, err := http.NewRequest(http.MethodPost, base+"/v1/tokens", strings.NewReader(createBody))
	if err != nil {
		return err
	}
	req.Header.Set("Authorization", "Bearer sk_test_loadloadloadload")
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	res, err := client.Do(req)
	if err != nil {
		return err
	}
	body, err := io.ReadAll(res.Body)
	res.Body.Close()
	if err == nil && res.StatusCode != http.StatusOK {
		err = fmt.Errorf("POST /v1/tokens: %d %s", res.StatusCode, body)
	}
	return err
}

// emulatorProc is a `tokenscope emulator` child process.
type emulatorProc struct {
	cmd *exec.Cmd
	dir string
	url string
}

// startEmulator starts `tokenscope emulator` on dir, on a free loopback
// port, and returns once it answers.
func startEmulator(b *testing.B, dir string) *emulatorProc {
	b.Helper()
	cmd := exec.Command(bin, "emulator", "--listen", "127.0.0.1:0")
	cmd.Env = cleanEnv(dir)
	cmd.Stderr = os.Stderr
	out, err := cmd.StdoutPipe()
	if err != nil {
		b.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		b.Fatal(err)
	}
	e := &emulatorProc{cmd: cmd, dir: dir}
	sc := bufio.NewScanner(out)
	for sc.Scan() {
		if _, after, ok := strings.Cut(sc.Text(), "serving "); ok {
			e.url = after
			break
		}
	}
	go io.Copy(io.Discard, out)
	if e.url == "" {
		e.stop(b)
		b.Fatal("tokenscope emulator printed no address")
	}
	if err := create(http.DefaultClient, e.url); err != nil {
		e.stop(b)
		b.Fatal(err)
	}
	return e
}

// stop stops the emulator as Ctrl-C does, and waits for it to exit.
func (e *emulatorProc) stop(b *testing.B) {
	b.Helper()
	_ = e.cmd.Process.Signal(syscall.SIGTERM)
	if err := e.cmd.Wait(); err != nil {
		b.Errorf("tokenscope emulator: %v", err)
	}
}

// reportMemory reports the emulator's resident memory now and at its peak.
func (e *emulatorProc) reportMemory(b *testing.B) {
	b.Helper()
	b.ReportMetric(mb(memory(b, e.cmd.Process.Pid, "VmRSS")), "MB-RSS")
	b.ReportMetric(mb(memory(b, e.cmd.Process.Pid, "VmHWM")), "MB-peak")
}

// filledEmulator is the emulator holding 100,000 tokens, made once per
// run and stopped when the run ends.
var filledEmulator struct {
	once sync.Once
	proc *emulatorProc
	err  string
}

const filledTokens = 100_000

func filled(b *testing.B) *emulatorProc {
	b.Helper()
	f := &filledEmulator
	f.once.Do(func() {
		dir, err := os.MkdirTemp("", "tokenscope-emulator-100k-")
		if err != nil {
			f.err = err.Error()
			return
		}
		atExit(func() { os.RemoveAll(dir) })
		f.proc = startEmulator(b, dir)
		atExit(func() {
			_ = f.proc.cmd.Process.Signal(syscall.SIGTERM)
			_ = f.proc.cmd.Wait()
		})
		start := time.Now()
		sendCreates(b, f.proc.url, filledTokens)
		b.Logf("made %d tokens through the emulator in %s", filledTokens, time.Since(start).Round(time.Millisecond))
	})
	if f.proc == nil {
		b.Fatalf("no emulator with %d tokens: %s", filledTokens, f.err)
	}
	return f.proc
}
