package views

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"
	"time"

	"github.com/tokenscope/tokenscope/model"
)

// A story whose requests the log no longer holds still tells each use
// and explains each refusal from what the state recorded; the events
// section says they were not listed rather than that there were none.
func TestReportFromTheStateAlone(t *testing.T) {
	at := time.Date(2026, 12, 5, 9, 0, 0, 0, time.UTC)
	rec := model.Record{ID: "tok_1", Type: model.KindCard, Used: true, Preset: "insufficient_funds",
		Raw: []byte(`{"id":"tok_1","type":"card","used":true,"card":{"brand":"Visa","last4":"9995"}}`),
		Uses: []model.Use{{Kind: model.UseCharge, ObjectID: "ch_1", Status: "failed", Code: "card_declined",
			DeclineCode: "insufficient_funds", Amount: 1000, Currency: "usd", RequestID: "req_1", At: at}}}
	r := NewReport(model.Story{Token: rec, EventsErr: "no backend"}, at)
	if len(r.Uses) != 1 || r.Uses[0].Became != "ch_1" || len(r.Errors) != 1 || r.Errors[0].DeclineCode != "insufficient_funds" || r.Errors[0].Why == "" {
		t.Fatalf("report %+v", r)
	}
	var b bytes.Buffer
	if err := r.WriteMarkdown(&b); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"# Token tok_1", "→ ch_1", "decline code `insufficient_funds`", "request req_1", "## Events\n\nCould not be read this time: no backend. `tokenscope events --for tok_1`", "None in the request log."} {
		if !strings.Contains(b.String(), want) {
			t.Errorf("no %q in:\n%s", want, b.String())
		}
	}
	data, _ := json.Marshal(r)
	for _, want := range []string{`"events":[]`, `"events_read":false`, `"test_data":"insufficient_funds"`} {
		if !strings.Contains(string(data), want) {
			t.Errorf("no %s in %s", want, data)
		}
	}
}

// A refusal Stripe sent with no code shows its type alone, never a code
// named "none".
func TestReportErrorWithoutCode(t *testing.T) {
	r := Report{Errors: []ReportError{{Request: "POST /v1/disputes/du_1/close", Type: model.TypeInvalidRequest}}}
	var b bytes.Buffer
	if err := r.WriteMarkdown(&b); err != nil {
		t.Fatal(err)
	}
	if out := b.String(); strings.Contains(out, "code `") || !strings.Contains(out, "type `invalid_request_error`") {
		t.Errorf("report:\n%s", out)
	}
}
