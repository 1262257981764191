package client_test

import (
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/tokenscope/tokenscope/internal/testio"

	"github.com/tokenscope/tokenscope/client"
	"github.com/tokenscope/tokenscope/model"
)

func TestLiveKeysRefusedBeforeAnyRequest(t *testing.T) {
	h := &testio.Counting{H: testio.Answer(http.StatusOK, `{}`)}
	srv := httptest.NewServer(h)
	defer srv.Close()
	for _, key := range []string{"sk_" + "live_abc123", "rk_" + "live_abc123", "pk_" + "live_abc123", " sk_" + "live_abc123\n"} {
		for _, cfg := range []client.Config{{Key: key}, {Key: key, BaseURL: srv.URL}, {Key: key, Handler: h}} {
			c, err := client.New(cfg)
			e, ok := model.AsError(err)
			if c != nil || !ok || e.Code != "livemode_key" || !e.Local || e.Why == "" {
				t.Fatalf("New(%q, base %q) = %v, %v; want a local livemode_key error", key, cfg.BaseURL, c, err)
			}
		}
	}
	if n := h.N.Load(); n != 0 {
		t.Fatalf("%d requests reached the server, want 0", n)
	}
}

func TestKeyMustBeATestKey(t *testing.T) {
	for _, key := range []string{"sk_123", "hello", "sk_test_", "whsec_abc"} {
		_, err := client.New(client.Config{Key: key})
		if e, ok := model.AsError(err); !ok || e.Code != "invalid_api_key" {
			t.Errorf("New(%q): %v, want invalid_api_key", key, err)
		}
	}
	_, err := client.New(client.Config{})
	if e, ok := model.AsError(err); !ok || !e.Local {
		t.Errorf("no key, no handler, no base URL: %v, want a usage error", err)
	}
}

func TestBackendWorkspaces(t *testing.T) {
	key := "sk_test_51Abcdefghijklmnop4242"
	test, _ := client.New(client.Config{Key: key})
	other, _ := client.New(client.Config{Key: "rk_test_somethingelse"})
	url, _ := client.New(client.Config{Key: key, BaseURL: "http://127.0.0.1:12111/"})
	offline, _ := client.New(client.Config{Handler: testio.Answer(200, `{}`)})

	b := test.Backend()
	if b.Kind != model.BackendStripeTest || !strings.HasPrefix(b.Workspace, "test:") || b.KeyLast4 != "4242" || b.URL != "https://api.stripe.com" {
		t.Errorf("test backend %+v", b)
	}
	if strings.Contains(b.Workspace, "Abcdefgh") || len(b.Workspace) != len("test:")+12 {
		t.Errorf("workspace %q must be a short fingerprint, not the key", b.Workspace)
	}
	if other.Backend().Workspace == b.Workspace {
		t.Error("two keys share a workspace")
	}
	if u := url.Backend(); u.Kind != model.BackendURL || u.Workspace != "url:http://127.0.0.1:12111" {
		t.Errorf("url backend %+v", u)
	}
	if o := offline.Backend(); o.Kind != model.BackendOffline || o.Workspace != "offline" || o.Label() != "OFFLINE emulator (no key)" {
		t.Errorf("offline backend %+v", o)
	}
}

func TestLivemodeResponseRefused(t *testing.T) {
	live := `{"id":"tok_live1","object":"token","type":"card","livemode":true,"used":false,"created":1700000000}`
	c, err := client.New(client.Config{Handler: testio.Answer(http.StatusOK, live)})
	if err != nil {
		t.Fatal(err)
	}
	ctx := t.Context()
	for name, call := range map[string]func() (model.Record, error){
		"get":    func() (model.Record, error) { return c.Get(ctx, "tok_live1") },
		"create": func() (model.Record, error) { return c.Create(ctx, testio.Preset(t, "visa")) },
	} {
		rec, err := call()
		e, ok := model.AsError(err)
		if !ok || e.Code != "livemode_response" || rec.ID != "" || e.RequestID == "" {
			t.Errorf("%s: %+v, %v; want livemode_response and no record", name, rec, err)
		}
	}
	liveCharge := `{"id":"ch_live","object":"charge","livemode":true,"status":"succeeded"}`
	c, _ = client.New(client.Config{Handler: testio.Answer(http.StatusOK, liveCharge)})
	use, err := c.Use(ctx, model.UseRequest{TokenID: "tok_x", Kind: model.UseCharge, Amount: 1000, Currency: "usd"})
	if e, ok := model.AsError(err); !ok || e.Code != "livemode_response" || use.ObjectID != "" {
		t.Errorf("use: %+v, %v; want livemode_response", use, err)
	}
}
