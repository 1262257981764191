package views

import (
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/tokenscope/tokenscope/model"
)

// EventLines are events as a timeline, one line each, in the order given:
// when (UTC), the type, the object it is about and the request that
// caused it ("-" for none, as for an event Stripe made on its own).
func EventLines(evs []model.Event) []Line {
	typeW := 0
	for _, ev := range evs {
		typeW = max(typeW, len(ev.Type))
	}
	out := make([]Line, 0, len(evs))
	for _, ev := range evs {
		req := ev.RequestID
		if req == "" {
			req = "-"
		}
		out = append(out, Line{
			Kind: eventKind(ev.Type),
			Lead: ev.Time().Format("2006-01-02 15:04:05") + "  ",
			Text: fmt.Sprintf("%-*s  %s  %s  %s", typeW, Clean(ev.Type), Clean(ev.ObjectID), Clean(req), ev.ID),
		})
	}
	return out
}

// eventKind: failures read as failures, creations as creations.
func eventKind(typ string) Kind {
	switch {
	case strings.HasSuffix(typ, ".failed"), strings.HasSuffix(typ, ".payment_failed"),
		strings.HasPrefix(typ, "charge.dispute."):
		return Failed
	case strings.HasSuffix(typ, ".created"), strings.HasSuffix(typ, ".succeeded"):
		return Create
	}
	return Change
}

// Forwarded is one delivery of an event, as tokenscope listen reports it.
type Forwarded struct {
	Event    model.Event
	Status   int // 0 when no answer came
	Latency  time.Duration
	Attempts int
	Error    string // why no answer came
	Retrying bool   // it failed and another attempt follows
}

// OK reports whether the receiver took it (2xx).
func (f Forwarded) OK() bool { return f.Status >= 200 && f.Status < 300 }

// Line is the delivery in one line: when, the type, the event id, the
// status (or the error) and how long the receiver took.
func (f Forwarded) Line() Line {
	status := strconv.Itoa(f.Status)
	if f.Status == 0 {
		status = "no answer: " + Clean(f.Error)
	}
	text := fmt.Sprintf("%s  %s  [%s]  %s", Clean(f.Event.Type), f.Event.ID, status, f.Latency.Round(100*time.Microsecond))
	if f.Attempts > 1 {
		text += fmt.Sprintf("  (%d attempts)", f.Attempts)
	}
	now := time.Now().UTC().Format("15:04:05") + "  "
	switch {
	case f.OK():
		return Line{Kind: Create, Lead: now + GlyphCreate + " ", Text: text}
	case f.Retrying:
		return Line{Kind: Change, Lead: now + GlyphChange + " ", Text: text + "  retrying"}
	}
	return Line{Kind: Failed, Lead: now + GlyphError + " ", Text: text}
}

// ForwardedJSON is the delivery as --json prints it, one object a line.
type ForwardedJSON struct {
	ID        string  `json:"id"`
	Type      string  `json:"type"`
	Status    int     `json:"status"`
	LatencyMS float64 `json:"latency_ms"`
	Attempts  int     `json:"attempts"`
	Error     string  `json:"error,omitempty"`
	Retrying  bool    `json:"retrying,omitempty"`
}

// JSON is the delivery for --json.
func (f Forwarded) JSON() ForwardedJSON {
	return ForwardedJSON{ID: f.Event.ID, Type: f.Event.Type, Status: f.Status,
		LatencyMS: float64(f.Latency.Microseconds()) / 1000, Attempts: f.Attempts, Error: f.Error, Retrying: f.Retrying}
}

// Delivered is an event's delivery to a webhook endpoint or a listener,
// for a timeline and the events view (eventview.go).
type Delivered struct {
	Endpoint, URL, State string
	Listener             bool // the endpoint is a tokenscope listen
	Attempts, Status     int
	Latency              time.Duration
	Error                string
}

// TimelineLines are events as EventLines shows them, each followed by its
// deliveries: where to, the state, the last status and latency, the
// attempts.
func TimelineLines(evs []model.Event, deliveries map[string][]Delivered) []Line {
	lines := EventLines(evs)
	out := make([]Line, 0, len(lines))
	for i, l := range lines {
		out = append(out, l)
		for _, d := range deliveries[evs[i].ID] {
			status := strconv.Itoa(d.Status)
			if d.Status == 0 {
				status = Clean(d.Error)
			}
			kind := Muted
			if d.State == "failed" {
				kind = Failed
			}
			out = append(out, Line{Kind: kind, Lead: "                     -> ",
				Text: fmt.Sprintf("%s %s  %s  [%s]  %s  (%d %s)", d.Endpoint, Clean(d.URL), d.State, status, d.Latency.Round(100*time.Microsecond), d.Attempts, Plural(d.Attempts, "attempt", "attempts"))})
		}
	}
	return out
}
