package views

import (
	"bytes"
	"encoding/json"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/tokenscope/tokenscope/model"
)

// The delivery states the emulator's log records (emulator.Delivering,
// Delivered, Failed), as views reads them.
const (
	stateDelivering = "delivering"
	stateDelivered  = "delivered"
	stateFailed     = "failed"
)

// Glyph is the delivery's state as a glyph and its Kind: + delivered,
// ~ still being delivered (retrying), ! given up.
func (d Delivered) Glyph() (string, Kind) {
	switch d.State {
	case stateDelivered:
		return GlyphCreate, Create
	case stateFailed:
		return GlyphError, Failed
	}
	return GlyphChange, Change
}

// Where names the endpoint (its id) or "listen" for a listener, and the
// URL it posts to.
func (d Delivered) Where() (who, url string) {
	if d.Listener { // its id is a hash of the URL: the URL says more
		return "listen", Clean(d.URL)
	}
	return Clean(d.Endpoint), Clean(d.URL)
}

// Lines are the delivery: the glyph, who, the state, the last attempt's
// status and latency and the attempts; then the URL, and why no answer
// came, each on a line of its own (a URL or a dial error is long).
func (d Delivered) Lines() []Line {
	glyph, kind := d.Glyph()
	who, url := d.Where()
	text := who + "  " + d.State
	switch {
	case d.Attempts == 0:
		text += "  not sent yet"
	case d.Status != 0:
		text += "  [" + strconv.Itoa(d.Status) + "]"
	}
	if d.Attempts > 0 {
		text += "  " + d.Latency.Round(100*time.Microsecond).String() + "  " + strconv.Itoa(d.Attempts) + " " + Plural(d.Attempts, "attempt", "attempts")
	}
	out := []Line{{Kind: kind, Lead: glyph + " ", Text: text}}
	if url != "" {
		out = append(out, Line{Kind: Muted, Lead: "  ", Text: "to " + url})
	}
	if d.Attempts > 0 && d.Status == 0 && d.Error != "" {
		out = append(out, Line{Kind: kind, Lead: "  ", Text: "no answer: " + Clean(d.Error)})
	}
	return out
}

// EventRow is one event in a list of them: when, its type, the object it
// is about, the request that caused it ("-": none, an event Stripe made
// on its own) and its deliveries in brief.
type EventRow struct {
	ID, Time, Type, Object, Request string
	Kind                            Kind
	// Delivered counts the deliveries by state: "+2" delivered, "~1"
	// being delivered, "!1" given up; none when the event went nowhere.
	Delivered []Segment
}

// NewEventRow describes ev for a list; now decides how its time reads
// (the time of day today, the date before).
func NewEventRow(ev model.Event, ds []Delivered, now time.Time) EventRow {
	r := EventRow{ID: Clean(ev.ID), Type: Clean(ev.Type), Object: Clean(ev.ObjectID), Request: Clean(ev.RequestID),
		Kind: eventKind(ev.Type), Time: ShortTime(ev.Time(), now)}
	if r.Request == "" {
		r.Request = "-"
	}
	counts := map[string]int{}
	for _, d := range ds {
		counts[d.State]++
	}
	for _, state := range []string{stateDelivered, stateDelivering, stateFailed} {
		if n := counts[state]; n > 0 {
			glyph, kind := Delivered{State: state}.Glyph()
			if len(r.Delivered) > 0 {
				r.Delivered = append(r.Delivered, Segment{Text: " "})
			}
			r.Delivered = append(r.Delivered, Segment{Kind: kind, Text: glyph + strconv.Itoa(n)})
		}
	}
	return r
}

// ShortTime is t in eight cells, UTC: the time of day on now's day, the
// month and day before it.
func ShortTime(t, now time.Time) string {
	t, now = t.UTC(), now.UTC()
	if t.Year() == now.Year() && t.YearDay() == now.YearDay() {
		return t.Format("15:04:05")
	}
	return t.Format("Jan 02  ")
}

// MatchesType reports whether the row's type holds q (any case): the
// events view's filter.
func (r EventRow) MatchesType(q string) bool {
	return strings.Contains(strings.ToLower(r.Type), strings.ToLower(strings.TrimSpace(q)))
}

// EventDetail is what the events view shows of one event: its fields,
// the object as it was then (data.object), what an update changed
// (data.previous_attributes: the old value and the one after), and where
// it was delivered.
type EventDetail struct {
	ID, Type string
	Kind     Kind
	Fields   []Field
	// Object is data.object as its kind describes it (Object.ID "" when
	// the event holds none).
	Object Object
	// Previous are the attributes an update changed, as drift reads:
	// "~ amount_refunded: 0 -> 1000".
	Previous   []Line
	Deliveries []Line
}

// NewEventDetail describes ev and its deliveries. Its time is written
// whole, with no age: a live view is drawn again when events come, not
// as the clock moves.
func NewEventDetail(ev model.Event, ds []Delivered) EventDetail {
	d := EventDetail{ID: Clean(ev.ID), Type: Clean(ev.Type), Kind: eventKind(ev.Type)}
	var body struct {
		APIVersion string `json:"api_version"`
		Request    struct {
			IdempotencyKey string `json:"idempotency_key"`
		} `json:"request"`
		Data struct {
			Object   json.RawMessage `json:"object"`
			Previous json.RawMessage `json:"previous_attributes"`
		} `json:"data"`
	}
	_ = json.Unmarshal(ev.Raw, &body) // an event that does not decode shows what NewEvent read
	req := ev.RequestID
	if req == "" {
		req = "- (none: Stripe made it on its own)"
	}
	d.Fields = []Field{
		{Label: "created", Value: ev.Time().Format("2006-01-02 15:04:05 UTC")},
		{Label: "object", Value: JoinNonEmpty(Clean(ev.ObjectID), paren(Clean(ev.ObjectType)))},
		{Label: "request id", Value: Clean(req)},
		{Label: "idempotency", Value: Clean(body.Request.IdempotencyKey)},
		{Label: "api version", Value: Clean(body.APIVersion)},
	}
	if obj, err := model.NewObject(body.Data.Object, "", ev.Time()); err == nil {
		d.Object = NewObject(obj)
		d.Previous = previous(body.Data.Previous, obj.Fields())
	}
	for _, dl := range ds {
		d.Deliveries = append(d.Deliveries, dl.Lines()...)
	}
	return d
}

func paren(s string) string {
	if s == "" {
		return ""
	}
	return "(" + s + ")"
}

// previous lists what an update changed, by attribute path, sorted: the
// value before, then the one data.object holds.
func previous(raw json.RawMessage, now model.Fields) []Line {
	prev, err := model.DecodeFields(raw)
	if err != nil || len(prev) == 0 {
		return nil
	}
	var out []Line
	var walk func(path string, v any)
	walk = func(path string, v any) {
		if m, ok := v.(map[string]any); ok && len(m) > 0 {
			for k, sub := range m {
				walk(strings.TrimPrefix(path+"."+k, "."), sub)
			}
			return
		}
		after := jsonValue(now.Value(path))
		switch now.Value(path).(type) { // an object or list as a mark: its fields are the object's rows
		case map[string]any:
			after = "{…}"
		case []any:
			after = "[…]"
		}
		out = append(out, Line{Kind: Change, Lead: GlyphChange + " ", Text: driftText(path, jsonValue(v), after)})
	}
	walk("", map[string]any(prev))
	slices.SortFunc(out, func(a, b Line) int { return strings.Compare(a.Text, b.Text) })
	return out
}

// jsonValue is a decoded value as a person reads it: text as it is,
// null, numbers and booleans as written, lists and empty objects as
// compact JSON.
func jsonValue(v any) string {
	switch v := v.(type) {
	case nil:
		return "null"
	case string:
		return v
	case json.Number:
		return v.String()
	case bool:
		return strconv.FormatBool(v)
	}
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	if enc.Encode(v) != nil {
		return "?"
	}
	return strings.TrimSpace(b.String())
}
