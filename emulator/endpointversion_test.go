package emulator

import (
	"encoding/json"
	"strings"
	"testing"
)

// An endpoint pinned to a version of the family the emulator renders
// gets its events labelled with that version, as Stripe labels them
// with the endpoint's; one pinned to any other of Stripe's versions gets
// DefaultVersion, and its creation (a replay of it too) says so in a
// Warning; an unknown version is refused by name.
func TestEndpointEventsCarryItsVersion(t *testing.T) {
	for _, tc := range []struct {
		pinned, want string
		warned       bool
	}{
		{"", DefaultVersion, false},
		{"2026-08-26.dahlia", "2026-08-26.dahlia", false},
		{"2026-11-18.endive", DefaultVersion, true},
		{"2027-02-24.fig", DefaultVersion, true},
		{"2020-08-27", DefaultVersion, true},
	} {
		t.Run(tc.pinned, func(t *testing.T) {
			e, _ := New(Options{Now: clock})
			r := newReceiver(t)
			body := "url=" + r.srv.URL + "/hook&enabled_events[]=customer.created"
			if tc.pinned != "" {
				body += "&api_version=" + tc.pinned
			}
			key := map[string]string{"Idempotency-Key": "we-" + tc.pinned}
			for range 2 { // the creation, then its replay
				warning := strings.Join(post(t, e, "/v1/webhook_endpoints", body, key).Header().Values("Warning"), "; ")
				switch {
				case tc.warned && !strings.Contains(warning, "api_version "+tc.pinned+" is answered in "+DefaultVersion):
					t.Errorf("creation's Warning %q does not say %s is answered in %s", warning, tc.pinned, DefaultVersion)
				case !tc.warned && warning != "":
					t.Errorf("Warning %q", warning)
				}
			}
			rec := post(t, e, "/v1/webhook_endpoints", body, key)
			var we endpointJSON
			if err := json.Unmarshal(rec.Body.Bytes(), &we); err != nil || we.Secret == "" {
				t.Fatalf("endpoint: %v %s", err, rec.Body)
			}
			if tc.pinned != "" && (we.APIVersion == nil || *we.APIVersion != tc.pinned) {
				t.Errorf("endpoint's api_version %v, want %s", we.APIVersion, tc.pinned)
			}
			r.secret = we.Secret
			deliverInBackground(t, e, DeliverOptions{})
			post(t, e, "/v1/customers", "name=a", nil)
			id := r.wait()
			r.mu.Lock()
			var ev eventJSON
			_ = json.Unmarshal(r.bodies[0], &ev)
			r.mu.Unlock()
			if ev.ID != id || ev.APIVersion != tc.want {
				t.Errorf("delivered %s api_version %q, want %q", ev.ID, ev.APIVersion, tc.want)
			}
			// The event as the API lists it is in the emulator's version.
			if got := do(t, e, "GET", "/v1/events/"+id, testKey, "", nil).Body.String(); !strings.Contains(got, `"api_version":"`+DefaultVersion+`"`) {
				t.Errorf("GET /v1/events/%s: %s", id, got)
			}
		})
	}
	e, _ := New(Options{Now: clock})
	for _, v := range []string{"2026-08-27.dahlia", "2027-01-27", "latest"} {
		rec := do(t, e, "POST", "/v1/webhook_endpoints", testKey, "url=http://127.0.0.1:1/hook&enabled_events[]=*&api_version="+v, nil)
		if got := errorBody(t, rec); rec.Code != 400 || got.Param != "api_version" || got.Message != "Invalid Stripe API version: "+v {
			t.Errorf("api_version %s: %d %+v", v, rec.Code, got)
		}
	}
}
