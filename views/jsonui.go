package views

import (
	"encoding/json"
	"fmt"
	"io"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/tokenscope/tokenscope/model"
)

// JSONUI writes tokenscope's machine-readable UI: one JSON object per line,
// shaped after Terraform's (-json on plan, apply, refresh) so tools that read
// Terraform's stream read ours: the same "@level", "@message", "@module",
// "@timestamp" and "type" keys, "change" objects for planned changes and
// drift, "hook" objects for apply progress, "changes" for the summary.
// Methods are safe for concurrent use; the first write error sticks (Err).
type JSONUI struct {
	mu      sync.Mutex
	w       io.Writer
	now     func() time.Time
	started map[string]time.Time
	err     error
}

// UIVersion is the version of the message schema, as Terraform's "ui" key.
const UIVersion = "1.0"

const uiModule = "tokenscope.ui"

// NewJSONUI starts a stream on w with the version message, naming the
// tokenscope version that writes it.
func NewJSONUI(w io.Writer, version string) *JSONUI {
	u := &JSONUI{w: w, now: time.Now, started: map[string]time.Time{}}
	u.emit("info", "tokenscope "+version, "version", map[string]any{"tokenscope": version, "ui": UIVersion})
	return u
}

// Err is the first error writing the stream, if any.
func (u *JSONUI) Err() error {
	u.mu.Lock()
	defer u.mu.Unlock()
	return u.err
}

// emit writes one message. Keys are sorted by encoding/json, as
// Terraform's are.
func (u *JSONUI) emit(level, message, typ string, fields map[string]any) {
	u.mu.Lock()
	defer u.mu.Unlock()
	msg := map[string]any{
		"@level":     level,
		"@message":   message,
		"@module":    uiModule,
		"@timestamp": u.now().Format("2006-01-02T15:04:05.000000Z07:00"),
		"type":       typ,
	}
	for k, v := range fields {
		msg[k] = v
	}
	line, err := json.Marshal(msg)
	if err == nil {
		_, err = u.w.Write(append(line, '\n'))
	}
	if err != nil && u.err == nil {
		u.err = err
	}
}

// resource is Terraform's resource object for an address "type.name", or
// "type.name[n]" for the n-th of a token's steps of a kind (a second
// refund), whose key is n as Terraform keys a counted resource.
func resource(typ, name string) map[string]any {
	addr := typ + "." + name
	var key any
	if base, idx, ok := strings.Cut(name, "["); ok {
		if n, err := strconv.Atoi(strings.TrimSuffix(idx, "]")); err == nil {
			name, key = base, n
		}
	}
	return map[string]any{
		"addr":             addr,
		"module":           "",
		"resource":         addr,
		"implied_provider": "stripe",
		"resource_type":    typ,
		"resource_name":    name,
		"resource_key":     key,
	}
}

func changeResource(c model.Change) map[string]any { return resource(c.Type(), c.Name()) }

// verbs are the words Terraform's messages use for an action: "Plan to
// create", "Creating...", "Creation complete".
var verbs = map[string][3]string{
	model.ActionCreate:  {"create", "Creating", "Creation"},
	model.ActionReplace: {"replace", "Replacing", "Replacement"},
}

func verbsOf(action string) [3]string {
	if v, ok := verbs[action]; ok {
		return v
	}
	return [3]string{action, "Applying", "Apply"}
}

// PlannedChange announces a change the plan will make.
func (u *JSONUI) PlannedChange(c model.Change) {
	u.emit("info", c.Address+": Plan to "+verbsOf(c.Action)[0], "planned_change", map[string]any{
		"change": map[string]any{"resource": changeResource(c), "action": c.Action},
	})
}

// ApplyStart announces that a change is being sent.
func (u *JSONUI) ApplyStart(c model.Change) {
	u.mu.Lock()
	u.started[c.Address] = u.now()
	u.mu.Unlock()
	u.emit("info", c.Address+": "+verbsOf(c.Action)[1]+"...", "apply_start", map[string]any{
		"hook": map[string]any{"resource": changeResource(c), "action": c.Action},
	})
}

// ApplyComplete reports a change done, with the id the API gave it.
func (u *JSONUI) ApplyComplete(c model.Change, id string, elapsed time.Duration) {
	u.mu.Lock()
	delete(u.started, c.Address)
	u.mu.Unlock()
	secs := int(elapsed.Seconds())
	hook := map[string]any{"resource": changeResource(c), "action": c.Action, "elapsed_seconds": secs}
	msg := fmt.Sprintf("%s: %s complete after %ds", c.Address, verbsOf(c.Action)[2], secs)
	// A customer refused at attach leaves no object: Terraform's id keys
	// only appear when there is an id to show.
	if id != "" {
		hook["id_key"], hook["id_value"] = "id", id
		msg += " [id=" + id + "]"
	}
	u.emit("info", msg, "apply_complete", map[string]any{"hook": hook})
}

// ApplyErrored reports a change that failed, followed (as in Terraform)
// by a diagnostic carrying the error. The elapsed time counts from
// ApplyStart when there was one.
func (u *JSONUI) ApplyErrored(c model.Change, err error) {
	u.mu.Lock()
	secs := 0
	if t, ok := u.started[c.Address]; ok {
		secs = int(u.now().Sub(t).Seconds())
		delete(u.started, c.Address)
	}
	u.mu.Unlock()
	u.emit("info", fmt.Sprintf("%s: %s errored after %ds", c.Address, verbsOf(c.Action)[2], secs), "apply_errored",
		map[string]any{"hook": map[string]any{"resource": changeResource(c), "action": c.Action, "elapsed_seconds": secs}})
	u.Diagnostic("error", c.Address+": "+err.Error(), "")
}

// ResourceDrift reports a token that changed outside tokenscope (action
// update, with the field and its before and after values) or is gone
// (action delete, with the API's code). Ids are never shortened here.
func (u *JSONUI) ResourceDrift(d model.Drift) {
	res := resource("token", d.ID)
	change := map[string]any{"resource": res}
	action := model.ActionUpdate
	if d.Gone {
		action = model.ActionDelete
		change["code"] = d.Code
	} else {
		change["field"], change["before"], change["after"] = d.Field, d.From, d.To
	}
	change["action"] = action
	u.emit("info", fmt.Sprintf("%s: Drift detected (%s)", res["addr"], action), "resource_drift", map[string]any{"change": change})
}

// ChangeSummary closes an operation (plan, apply or refresh) with counts.
func (u *JSONUI) ChangeSummary(add, change, destroy int, operation string) {
	var msg string
	switch operation {
	case "apply":
		msg = fmt.Sprintf("Apply complete! Resources: %d added, %d changed, %d destroyed.", add, change, destroy)
	case "refresh":
		msg = fmt.Sprintf("Refresh: %d changed, %d gone.", change, destroy)
	default:
		msg = fmt.Sprintf("Plan: %d to add, %d to change, %d to destroy.", add, change, destroy)
	}
	u.emit("info", msg, "change_summary", map[string]any{
		"changes": map[string]any{"add": add, "change": change, "remove": destroy, "operation": operation},
	})
}

// Diagnostic reports an error or warning; severity is "error" or
// "warning", as in Terraform (its "@level" is "error" or "warn").
func (u *JSONUI) Diagnostic(severity, summary, detail string) {
	level, prefix := "error", "Error: "
	if severity == "warning" {
		level, prefix = "warn", "Warning: "
	}
	u.emit(level, prefix+summary, "diagnostic", map[string]any{
		"diagnostic": map[string]any{"severity": severity, "summary": summary, "detail": detail},
	})
}

// ApplyEvent reports one step of an apply. An expected decline is an
// apply_complete (the failed charge is its id) followed by a warning
// diagnostic that names the codes.
func (u *JSONUI) ApplyEvent(e model.ApplyEvent) {
	switch e.Kind {
	case model.ApplyStarted:
		u.ApplyStart(e.Change)
	case model.ApplyCompleted:
		u.ApplyComplete(e.Change, e.ID, e.Elapsed)
	case model.ApplyDeclined:
		u.ApplyComplete(e.Change, e.ID, e.Elapsed)
		u.Diagnostic("warning", e.Change.Address+": declined as expected", e.Codes)
	case model.ApplyErrored:
		u.ApplyErrored(e.Change, e.Err)
	}
}
