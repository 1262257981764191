package views

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"
	"time"

	"github.com/tokenscope/tokenscope/model"
)

// A report holds no terminal escape whatever the writer: the TUI's m
// writes its Markdown to a file directly, with no cleaning writer between,
// and a name typed with ESC, OSC 52 and BEL must not reach the curl and
// stripe lines (cat of the file would set the clipboard).
func TestReportCleansUserText(t *testing.T) {
	at := time.Date(2026, 12, 5, 9, 0, 0, 0, time.UTC)
	evil := "\x1b[31mX\x1b]52;c;aGk=\a\u009b2J"
	rec := model.Record{ID: "tok_1", Type: model.KindCard, Preset: "visa",
		Raw: []byte(`{"id":"tok_1","type":"card","card":{"brand":"Visa","last4":"4242","name":"` + strings.ReplaceAll(evil, "\x1b", `\u001b`) + `"}}`)}
	req := model.LoggedRequest{Time: at, Method: "POST", Path: "/v1/tokens", Status: 200, RequestID: "req_1", TestData: "visa",
		Body:     "card[number]=•••• 4242&card[name]=" + evil,
		Response: `{"id":"tok_1"}`}
	bad := model.LoggedRequest{Time: at, Method: "POST", Path: "/v1/charges", Status: 402, RequestID: "req_2",
		Body:     "source=tok_1&description=" + evil,
		Response: `{"error":{"type":"card_error","code":"card_declined` + strings.ReplaceAll(evil, "\x1b", `\u001b`) + `","message":"no"}}`}
	r := NewReport(model.Story{Token: rec, Requests: []model.LoggedRequest{req, bad}, EventsRead: true}, at)
	var md bytes.Buffer
	if err := r.WriteMarkdown(&md); err != nil {
		t.Fatal(err)
	}
	js, _ := json.Marshal(r)
	for name, out := range map[string]string{"markdown": md.String(), "json": string(js)} {
		if i := strings.IndexFunc(out, func(c rune) bool { return c == 0x1b || c == 0x07 || c == 0x9b }); i >= 0 {
			t.Errorf("%s holds a control character at %d: %q", name, i, out[max(0, i-40):min(len(out), i+40)])
		}
	}
	if !strings.Contains(md.String(), "card[name]=[31mX]52;c;aGk=2J") {
		t.Errorf("the name's printable text is gone:\n%s", md.String())
	}
}
