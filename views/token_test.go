package views

import (
	"strings"
	"testing"
	"time"

	"github.com/tokenscope/tokenscope/model"
)

var paneNow = time.Date(2025, 11, 26, 14, 30, 0, 0, time.UTC)

const bankJSON = `{"id":"btok_1","object":"token","bank_account":{"id":"ba_1","object":"bank_account","account_holder_name":"Jenny \u001b]52;c;aGk=\u0007Rosen","account_holder_type":"individual","bank_name":"STRIPE TEST BANK","country":"US","currency":"usd","last4":"6789","routing_number":"110000000","status":"new"},"client_ip":"127.0.0.1","created":1764124327,"livemode":false,"type":"bank_account","used":false}`

func record(t *testing.T, raw, preset string) model.Record {
	t.Helper()
	r, err := model.NewRecord([]byte(raw), "req_1", paneNow.Add(-time.Minute))
	if err != nil {
		t.Fatal(err)
	}
	r.Preset = preset
	return r
}

// describe renders a token both ways: the CLI's text and the pane's rows
// as plain text.
func describe(t *testing.T, r model.Record) (cli, pane string) {
	t.Helper()
	obj, err := model.DecodeFields(r.Raw)
	v := NewToken(&r, obj, err)
	var b strings.Builder
	if err := v.WriteText(&b, "token"); err != nil {
		t.Fatal(err)
	}
	var p strings.Builder
	for _, row := range v.Pane(paneNow) {
		p.WriteString(row.Indent + row.Label + " " + row.Lead + row.Value + "\n")
	}
	return b.String(), p.String()
}

// The CLI and the TUI describe a token from one value: every field and
// its value is in both, the test data's line too, and neither carries a
// control character from the API.
func TestTokenRenderingsAgree(t *testing.T) {
	for _, c := range []struct {
		raw, preset, want string
	}{
		{bankJSON, "bank_ok", "test bank"},
		{`{"id":"pii_1","object":"token","created":1764124327,"livemode":false,"type":"pii","used":false}`, "id_match", "test id"},
	} {
		r := record(t, c.raw, c.preset)
		cli, pane := describe(t, r)
		obj, _ := model.DecodeFields(r.Raw)
		for _, f := range NewToken(&r, obj, nil).Fields {
			if !strings.Contains(cli, f.Path) || !strings.Contains(cli, f.Value) || !strings.Contains(pane, f.Label) || !strings.Contains(pane, f.Value) {
				t.Errorf("%s = %q is not in both renderings:\n%s\n%s", f.Path, f.Value, cli, pane)
			}
		}
		for _, out := range []string{cli, pane} {
			if !strings.Contains(out, c.want) || strings.ContainsAny(out, "\x1b\x07") {
				t.Errorf("lacks %q or holds a control character:\n%q", c.want, out)
			}
		}
	}
}

// A token used and then tried again names the use that consumed it, and
// lists the refusal under it, in both renderings.
func TestTokenUsesInBothRenderings(t *testing.T) {
	r := record(t, strings.Replace(bankJSON, `"used":false`, `"used":true`, 1), "")
	at := paneNow.Add(-time.Hour)
	r.Uses = []model.Use{
		{Kind: model.UseCustomer, ObjectID: "cus_1", Status: "attached", At: at},
		{Kind: model.UseCharge, Status: "failed", Code: model.CodeTokenAlreadyUsed, At: at},
	}
	cli, pane := describe(t, r)
	cli = strings.Join(strings.Fields(cli), " ")
	for _, want := range []string{"used by cus_1 (customer attached) at 2025-11-26 13:30 UTC", "then token_already_used at 2025-11-26 13:30 UTC"} {
		if !strings.Contains(cli, want) {
			t.Errorf("CLI lacks %q:\n%s", want, cli)
		}
	}
	for _, want := range []string{"USED ● yes, used by cus_1 (attached to a customer)", "  then token_already_used (13:30 UTC)"} {
		if !strings.Contains(pane, want) {
			t.Errorf("pane lacks %q:\n%s", want, pane)
		}
	}
}
