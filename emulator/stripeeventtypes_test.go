package emulator

import (
	"encoding/json"
	"os"
	"slices"
	"strings"
	"testing"

	"github.com/stripe/stripe-mock/embedded"
)

// stripe_event_types.txt is the spec's enum of enabled_events, on the
// creation and the update of an endpoint alike (UPDATE_GOLDEN=1 rewrites
// it from the spec stripe-mock embeds), and holds every type the
// emulator makes.
func TestStripeEventTypesAreTheSpecs(t *testing.T) {
	var doc struct {
		Paths map[string]map[string]struct {
			RequestBody struct {
				Content map[string]struct {
					Schema struct {
						Properties map[string]struct {
							Items struct {
								Enum []string `json:"enum"`
							} `json:"items"`
						} `json:"properties"`
					} `json:"schema"`
				} `json:"content"`
			} `json:"requestBody"`
		} `json:"paths"`
	}
	if err := json.Unmarshal(embedded.OpenAPISpec, &doc); err != nil {
		t.Fatal(err)
	}
	enum := func(path string) []string {
		e := doc.Paths[path]["post"].RequestBody.Content["application/x-www-form-urlencoded"].Schema.Properties["enabled_events"].Items.Enum
		slices.Sort(e)
		return e
	}
	want := enum("/v1/webhook_endpoints")
	if len(want) < 100 || !slices.Equal(want, enum("/v1/webhook_endpoints/{webhook_endpoint}")) {
		t.Fatalf("the spec's enabled_events: %d types on creation, %d on update", len(want), len(enum("/v1/webhook_endpoints/{webhook_endpoint}")))
	}
	if os.Getenv("UPDATE_GOLDEN") != "" {
		if err := os.WriteFile("stripe_event_types.txt", []byte(strings.Join(want, "\n")+"\n"), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	if !slices.Equal(stripeEventTypes, want) {
		t.Errorf("stripe_event_types.txt differs from the spec's %d event types (UPDATE_GOLDEN=1 rewrites it)", len(want))
	}
	for _, typ := range EventTypes {
		if !stripeEventType(typ) {
			t.Errorf("the emulator makes %s, which is not one of Stripe's event types", typ)
		}
	}
}

// An endpoint may enable any of Stripe's event types, those the emulator
// never makes too (it is never sent them), and no other.
func TestEndpointEnablesStripesEventTypes(t *testing.T) {
	e, _ := New(Options{Now: clock})
	enabled := []string{"invoice.paid", "checkout.session.completed", "setup_intent.succeeded", "customer.source.expiring", "charge.succeeded"}
	body := "url=http://127.0.0.1:1/hook"
	for _, typ := range enabled {
		body += "&enabled_events[]=" + typ
	}
	var we endpointJSON
	json.Unmarshal(post(t, e, "/v1/webhook_endpoints", body, nil).Body.Bytes(), &we)
	slices.Sort(enabled)
	if !slices.Equal(we.EnabledEvents, enabled) {
		t.Errorf("enabled_events %v, want %v", we.EnabledEvents, enabled)
	}
	update := do(t, e, "POST", "/v1/webhook_endpoints/"+we.ID, testKey, "enabled_events[]=invoice.payment_failed", nil)
	if update.Code != 200 || !strings.Contains(update.Body.String(), `"enabled_events":["invoice.payment_failed"]`) {
		t.Errorf("update: %d %s", update.Code, update.Body)
	}
	for i, typ := range []string{"token.created", "invoice.Paid", "invoice.*"} {
		rec := do(t, e, "POST", "/v1/webhook_endpoints", testKey, "url=http://127.0.0.1:1/hook&enabled_events[]=charge.succeeded&enabled_events[]="+typ, nil)
		got := errorBody(t, rec)
		if rec.Code != 400 || got.Param != "enabled_events[1]" || !strings.Contains(got.Message, "Stripe") {
			t.Errorf("%d %q: %d %+v", i, typ, rec.Code, got)
		}
	}
}
