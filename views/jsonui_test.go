package views

import (
	"bufio"
	"encoding/json"
	"errors"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/tokenscope/tokenscope/model"
)

// lines parses every line of a JSON UI stream, failing on any that is not
// a JSON object with the keys every message carries.
func lines(t *testing.T, out string) []map[string]any {
	t.Helper()
	var msgs []map[string]any
	sc := bufio.NewScanner(strings.NewReader(out))
	for sc.Scan() {
		var m map[string]any
		if err := json.Unmarshal(sc.Bytes(), &m); err != nil {
			t.Fatalf("line is not JSON: %q: %v", sc.Text(), err)
		}
		for _, k := range []string{"@level", "@message", "@module", "@timestamp", "type"} {
			if _, ok := m[k]; !ok {
				t.Fatalf("line lacks %s: %s", k, sc.Text())
			}
		}
		if _, err := time.Parse(time.RFC3339Nano, m["@timestamp"].(string)); err != nil {
			t.Fatalf("@timestamp is not RFC 3339: %v", err)
		}
		msgs = append(msgs, m)
	}
	return msgs
}

// path digs into nested objects: path(m, "hook", "resource", "addr").
func path(m map[string]any, keys ...string) any {
	var v any = m
	for _, k := range keys {
		obj, ok := v.(map[string]any)
		if !ok {
			return nil
		}
		v = obj[k]
	}
	return v
}

func TestJSONUIVersionLine(t *testing.T) {
	var b strings.Builder
	NewJSONUI(&b, "0.3.0")
	var m map[string]any
	if err := json.Unmarshal([]byte(strings.TrimSuffix(b.String(), "\n")), &m); err != nil {
		t.Fatal(err)
	}
	delete(m, "@timestamp")
	want := map[string]any{"@level": "info", "@message": "tokenscope 0.3.0", "@module": "tokenscope.ui", "type": "version", "tokenscope": "0.3.0", "ui": "1.0"}
	if len(m) != len(want) {
		t.Fatalf("version line %v, want %v", m, want)
	}
	for k, v := range want {
		if m[k] != v {
			t.Errorf("%s = %v, want %v", k, m[k], v)
		}
	}
	if !strings.HasPrefix(b.String(), `{"@level":"info","@message":"tokenscope 0.3.0","@module":"tokenscope.ui","@timestamp":`) {
		t.Errorf("keys are not in Terraform's (sorted) order: %s", b.String())
	}
}

func TestJSONUIApplyStream(t *testing.T) {
	var b strings.Builder
	ui := NewJSONUI(&b, "dev")
	clock := time.Date(2026, 6, 15, 12, 0, 0, 0, time.UTC)
	ui.now = func() time.Time { return clock }
	card := model.PlanCreate("card", model.TokenRequest{Kind: model.KindCard, Card: &model.CardInput{Number: "4242424242424242", ExpMonth: 12, ExpYear: 2030, CVC: "123"}})
	charge := model.PlanUse("card", model.UseRequest{TokenID: "tok_visa", Kind: model.UseCharge, Amount: 1000, Currency: "usd"})
	ui.PlannedChange(card)
	ui.PlannedChange(charge)
	ui.ChangeSummary(2, 0, 0, "plan")
	ui.ApplyStart(card)
	ui.ApplyComplete(card, "tok_1QxYz8Lk2mN3pQ4rS5tU6vW7", 1500*time.Millisecond)
	ui.ApplyStart(charge)
	clock = clock.Add(3 * time.Second)
	ui.ApplyErrored(charge, errors.New("card_declined: Your card was declined."))
	ui.ChangeSummary(1, 0, 0, "apply")
	if ui.Err() != nil {
		t.Fatal(ui.Err())
	}
	msgs := lines(t, b.String())
	types := make([]string, len(msgs))
	for i, m := range msgs {
		types[i] = m["type"].(string)
	}
	if got := strings.Join(types, ","); got != "version,planned_change,planned_change,change_summary,apply_start,apply_complete,apply_start,apply_errored,diagnostic,change_summary" {
		t.Fatalf("message types: %s", got)
	}
	pc := msgs[1]
	if pc["@message"] != "token.card: Plan to create" || path(pc, "change", "action") != "create" ||
		path(pc, "change", "resource", "addr") != "token.card" || path(pc, "change", "resource", "resource_type") != "token" ||
		path(pc, "change", "resource", "resource_name") != "card" {
		t.Errorf("planned_change: %v", pc)
	}
	if r := path(pc, "change", "resource").(map[string]any); r["resource_key"] != nil || len(r) != 7 {
		t.Errorf("resource object: %v", r)
	}
	if path(msgs[2], "change", "resource", "addr") != "charge.card" {
		t.Errorf("charge planned_change: %v", msgs[2])
	}
	sum := msgs[3]
	if sum["@message"] != "Plan: 2 to add, 0 to change, 0 to destroy." || path(sum, "changes", "add") != 2.0 ||
		path(sum, "changes", "remove") != 0.0 || path(sum, "changes", "operation") != "plan" {
		t.Errorf("change_summary: %v", sum)
	}
	done := msgs[5]
	if done["@message"] != "token.card: Creation complete after 1s [id=tok_1QxYz8Lk2mN3pQ4rS5tU6vW7]" ||
		path(done, "hook", "id_key") != "id" || path(done, "hook", "id_value") != "tok_1QxYz8Lk2mN3pQ4rS5tU6vW7" ||
		path(done, "hook", "elapsed_seconds") != 1.0 {
		t.Errorf("apply_complete: %v", done)
	}
	errored := msgs[7]
	if errored["@message"] != "charge.card: Creation errored after 3s" || path(errored, "hook", "elapsed_seconds") != 3.0 {
		t.Errorf("apply_errored: %v", errored)
	}
	diag := msgs[8]
	if diag["@level"] != "error" || path(diag, "diagnostic", "severity") != "error" ||
		path(diag, "diagnostic", "summary") != "charge.card: card_declined: Your card was declined." {
		t.Errorf("diagnostic: %v", diag)
	}
	if msgs[9]["@message"] != "Apply complete! Resources: 1 added, 0 changed, 0 destroyed." {
		t.Errorf("apply summary: %v", msgs[9])
	}
	if strings.Contains(b.String(), "4242424242424242") || strings.Contains(b.String(), `"123"`) {
		t.Error("the stream carries a card number or CVC")
	}
}

func TestJSONUIDriftKeepsFullIDs(t *testing.T) {
	var b strings.Builder
	ui := NewJSONUI(&b, "dev")
	ui.ResourceDrift(model.Drift{ID: "tok_1QxYa1BcDeFgHiJk", Field: "used", From: "false", To: "true"})
	ui.ResourceDrift(model.GoneDrift(model.Record{ID: "tok_1QxXz9AaBbCcDd"}, "resource_missing"))
	ui.ChangeSummary(0, 1, 1, "refresh")
	ui.Diagnostic("warning", "state is large", "10000 tokens")
	msgs := lines(t, b.String())
	upd, del := msgs[1], msgs[2]
	if upd["type"] != "resource_drift" || upd["@message"] != "token.tok_1QxYa1BcDeFgHiJk: Drift detected (update)" ||
		path(upd, "change", "action") != "update" || path(upd, "change", "field") != "used" ||
		path(upd, "change", "before") != "false" || path(upd, "change", "after") != "true" ||
		path(upd, "change", "resource", "resource_name") != "tok_1QxYa1BcDeFgHiJk" {
		t.Errorf("update drift: %v", upd)
	}
	if path(del, "change", "action") != "delete" || path(del, "change", "code") != "resource_missing" {
		t.Errorf("delete drift: %v", del)
	}
	if strings.Contains(b.String(), "…") {
		t.Error("JSON must carry full ids, not shortened ones")
	}
	if msgs[3]["@message"] != "Refresh: 1 changed, 1 gone." || path(msgs[3], "changes", "operation") != "refresh" {
		t.Errorf("refresh summary: %v", msgs[3])
	}
	if msgs[4]["@level"] != "warn" || msgs[4]["@message"] != "Warning: state is large" || path(msgs[4], "diagnostic", "detail") != "10000 tokens" {
		t.Errorf("warning: %v", msgs[4])
	}
}

// A stream written from several goroutines stays one JSON object a line.
func TestJSONUIConcurrent(t *testing.T) {
	var b lockedBuilder
	ui := NewJSONUI(&b, "dev")
	var wg sync.WaitGroup
	for i := 0; i < 8; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			c := model.PlanUse("x", model.UseRequest{TokenID: "tok_visa", Kind: model.UseCustomer})
			for j := 0; j < 50; j++ {
				ui.ApplyStart(c)
				ui.ApplyComplete(c, "cus_1", time.Second)
			}
		}()
	}
	wg.Wait()
	if got := len(lines(t, b.String())); got != 1+8*50*2 {
		t.Errorf("%d lines, want %d", got, 1+8*50*2)
	}
}

type lockedBuilder struct {
	mu sync.Mutex
	strings.Builder
}

func (l *lockedBuilder) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.Builder.Write(p)
}

type failWriter struct{}

func (failWriter) Write([]byte) (int, error) { return 0, errors.New("disk full") }

func TestJSONUIKeepsFirstError(t *testing.T) {
	ui := NewJSONUI(failWriter{}, "dev")
	ui.ChangeSummary(0, 0, 0, "plan")
	if ui.Err() == nil || ui.Err().Error() != "disk full" {
		t.Errorf("Err() = %v", ui.Err())
	}
}

// A step that leaves no object (a customer refused at attach) must not
// print an empty "[id=]" nor carry empty id keys.
func TestJSONUIApplyCompleteWithoutID(t *testing.T) {
	var b strings.Builder
	ui := NewJSONUI(&b, "dev")
	ui.ApplyComplete(model.PlanUse("lost", model.UseRequest{TokenID: "tok_x", Kind: model.UseCustomer}), "", 0)
	done := lines(t, b.String())[1]
	if msg := done["@message"].(string); strings.Contains(msg, "[id=") {
		t.Errorf("message shows an empty id: %q", msg)
	}
	if hook := done["hook"].(map[string]any); hook["id_key"] != nil || hook["id_value"] != nil {
		t.Errorf("hook carries id keys without an id: %v", hook)
	}
}

// A token's second refund is keyed as Terraform keys a counted resource:
// resource_name without the index, resource_key the index.
func TestJSONUIStepIndexIsTheResourceKey(t *testing.T) {
	var b strings.Builder
	ui := NewJSONUI(&b, "dev")
	ui.PlannedChange(model.PlanStep("visa", 1, model.UseRequest{Kind: model.UseCharge}, model.StepRequest{Kind: model.StepRefund}))
	ui.PlannedChange(model.PlanStep("visa", -1, model.UseRequest{Kind: model.UseCharge}, model.StepRequest{Kind: model.StepRefund}))
	msgs := lines(t, b.String())[1:]
	if addr, name, key := path(msgs[0], "change", "resource", "addr"), path(msgs[0], "change", "resource", "resource_name"),
		path(msgs[0], "change", "resource", "resource_key"); addr != "refund.visa[1]" || name != "visa" || key != 1.0 {
		t.Errorf("indexed step: addr %v name %v key %v", addr, name, key)
	}
	if name, key := path(msgs[1], "change", "resource", "resource_name"), path(msgs[1], "change", "resource", "resource_key"); name != "visa" || key != nil {
		t.Errorf("single step: name %v key %v", name, key)
	}
}
