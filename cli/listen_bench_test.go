package cli

import (
	"context"
	"io"
	"net/http"
	"net/http/httptest"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/stripe/stripe-go/v85/webhook"

	"github.com/tokenscope/tokenscope/client"
	"github.com/tokenscope/tokenscope/emulator"
	"github.com/tokenscope/tokenscope/internal/testio"
	"github.com/tokenscope/tokenscope/model"
	"github.com/tokenscope/tokenscope/service"
)

// BenchmarkChargeToWebhook measures the budget "a webhook delivered
// within 50 ms (p99) of the request that caused it, on loopback": from a
// charge request made by another tokenscope (its own emulator and log
// store on the state dir, as the TUI in another terminal has) until
// `tokenscope listen` (Main, as the command runs) has forwarded it to a
// receiver on loopback that verified it with stripe-go. Reported as p50-ms and p99-ms; run it
// with -benchtime=200x or more for a p99 worth the name.
func BenchmarkChargeToWebhook(b *testing.B) {
	dir := b.TempDir()
	vars := map[string]string{"TOKENSCOPE_STATE_DIR": dir, "HOME": b.TempDir()}
	secret, err := service.New(service.Config{StateDir: dir}).ListenSecret() // the file listen reads
	if err != nil {
		b.Fatal(err)
	}
	arrived := make(chan time.Time, 1)
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		body, _ := io.ReadAll(r.Body)
		if _, err := webhook.ConstructEvent(body, r.Header.Get("Stripe-Signature"), secret); err != nil {
			b.Errorf("verification: %v", err)
		}
		arrived <- time.Now()
	}))
	defer srv.Close()

	ctx, cancel := context.WithCancel(context.Background())
	out := &testio.SyncBuffer{}
	done := make(chan int)
	go func() {
		done <- Main(ctx, []string{"listen", "--forward-to", srv.URL, "--events", "charge.succeeded"},
			strings.NewReader(""), out, io.Discard, func(k string) string { return vars[k] })
	}()
	for i := 0; !strings.Contains(out.String(), "whsec_"); i++ {
		if i > 1000 {
			b.Fatalf("listen did not start: %q", out.String())
		}
		time.Sleep(10 * time.Millisecond)
	}
	// The other tokenscope: its own emulator on the state dir, and the
	// request alone (what the TUI sends once a plan is confirmed), so the
	// time is the request's and the webhook's, not the state file's.
	emu, err := emulator.New(emulator.Options{Dir: dir})
	if err != nil {
		b.Fatal(err)
	}
	defer emu.Close()
	api, err := client.New(client.Config{Handler: emu})
	if err != nil {
		b.Fatal(err)
	}
	req, _ := model.FromPreset("visa")
	lat := make([]time.Duration, 0, b.N)
	b.ResetTimer()
	for range b.N {
		b.StopTimer()
		rec, err := api.Create(ctx, req)
		if err != nil {
			b.Fatal(err)
		}
		b.StartTimer()
		start := time.Now()
		if _, err := api.Use(ctx, model.UseRequest{TokenID: rec.ID, Kind: model.UseCharge, Amount: 1000, Currency: "usd"}); err != nil {
			b.Fatal(err)
		}
		lat = append(lat, testio.Recv(b, arrived, "the webhook").Sub(start))
	}
	b.StopTimer()
	cancel()
	<-done
	slices.Sort(lat)
	at := func(q float64) float64 {
		return float64(lat[min(len(lat)-1, int(q*float64(len(lat))))].Microseconds()) / 1000
	}
	b.ReportMetric(at(0.50), "p50-ms")
	b.ReportMetric(at(0.99), "p99-ms")
}
