package views

import (
	"fmt"
	"io"
	"slices"
	"strings"
	"time"

	"github.com/tokenscope/tokenscope/model"
)

// Report is the story of one token for a ticket (tokenscope report, the
// TUI's m): the token, each use and what it became, every error explained,
// the events, and every request with the commands that send it again. It
// is one value with two renderings: Markdown (WriteMarkdown) and JSON (its
// fields' tags).
type Report struct {
	TokenID string        `json:"token"`
	Summary string        `json:"summary"`
	Backend string        `json:"backend"`
	Written time.Time     `json:"written"`
	Status  string        `json:"status"`
	Fields  []Field       `json:"fields"`
	Uses    []ReportUse   `json:"uses"`
	Errors  []ReportError `json:"errors"`
	Events  []ReportEvent `json:"events"`
	// EventsRead is false when the events could not be listed (EventsErr
	// says why): Events is then empty for that reason.
	EventsRead bool            `json:"events_read"`
	EventsErr  string          `json:"events_error,omitempty"`
	Requests   []ReportRequest `json:"requests"`
	// TestData names the published test data the token's repro lines use
	// ("" when none stands for it).
	TestData string `json:"test_data,omitempty"`
}

// ReportEvent is one event of the story.
type ReportEvent struct {
	ID        string    `json:"id"`
	Type      string    `json:"type"`
	Object    string    `json:"object_id"`
	Created   time.Time `json:"created"`
	RequestID string    `json:"request_id,omitempty"`
	// Deliveries are its webhook deliveries (the emulator's endpoints,
	// tokenscope listen's).
	Deliveries []DeliveredJSON `json:"deliveries,omitempty"`
}

// ReportUse is one use of the token and what it became.
type ReportUse struct {
	Kind      model.UseKind `json:"kind"`
	Became    string        `json:"object_id,omitempty"`
	Outcome   string        `json:"outcome"`
	Amount    string        `json:"amount,omitempty"`
	RequestID string        `json:"request_id,omitempty"`
	At        time.Time     `json:"at"`
}

// ReportError is one refusal, explained.
type ReportError struct {
	Request     string    `json:"request"` // "POST /v1/charges"
	Type        string    `json:"type,omitempty"`
	Code        string    `json:"code,omitempty"`
	DeclineCode string    `json:"decline_code,omitempty"`
	Param       string    `json:"param,omitempty"`
	Message     string    `json:"message,omitempty"`
	Why         string    `json:"why,omitempty"`
	Next        string    `json:"next,omitempty"`
	RequestID   string    `json:"request_id,omitempty"`
	At          time.Time `json:"at"`
}

// ReportRequest is one request of the story.
type ReportRequest struct {
	At        time.Time `json:"at"`
	Method    string    `json:"method"`
	Path      string    `json:"path"`
	Status    int       `json:"status,omitempty"`
	RequestID string    `json:"request_id,omitempty"`
	Outcome   string    `json:"outcome"`
	// Earlier: sent by an earlier run of tokenscope than the one writing.
	Earlier bool  `json:"earlier_run,omitempty"`
	Repro   Repro `json:"repro"`
}

// NewReport builds the report of a story, written at now.
func NewReport(s model.Story, now time.Time) Report {
	rec := s.Token
	obj, err := model.DecodeFields(rec.Raw)
	tok := NewToken(&rec, obj, err)
	r := Report{TokenID: tok.ID, Summary: tok.Summary, Backend: Clean(s.Backend.Label()), Written: now.UTC(),
		Status: UsedWord(tok.Status == StatusUsed), Fields: tok.Fields, EventsRead: s.EventsRead, EventsErr: Clean(s.EventsErr), Events: []ReportEvent{},
		Uses: []ReportUse{}, Errors: []ReportError{}, Requests: []ReportRequest{}}
	if tok.Status == StatusGone {
		r.Status = GlyphGone + " gone"
	}
	for _, ev := range s.Events {
		re := ReportEvent{ID: Clean(ev.ID), Type: Clean(ev.Type), Object: Clean(ev.ObjectID),
			Created: time.Unix(ev.Created, 0).UTC(), RequestID: Clean(ev.RequestID)}
		for _, d := range s.Deliveries[ev.ID] {
			re.Deliveries = append(re.Deliveries, NewDelivered(d).JSON())
		}
		r.Events = append(r.Events, re)
	}
	for _, u := range rec.Uses {
		r.Uses = append(r.Uses, useRow(u, s.Requests))
	}
	r.Uses = append(r.Uses, laterSteps(r.Uses, rec.Uses, s.Requests)...)
	intents := newIntentErrors(rec.Steps)
	rp := &replay{vars: map[string]string{}, token: rec.ID, now: now}
	if preset, _, ok := model.TestDataOfRecord(rec, now); ok {
		r.TestData = preset
		if c, isCard := model.CardByName(preset); isCard {
			rp.magic = c.MagicToken
		}
	}
	for i, e := range s.Requests {
		rq := ReportRequest{At: e.Time.UTC(), Method: Clean(e.Method), Path: Clean(e.Path), Status: e.Status,
			RequestID: Clean(e.RequestID), Earlier: e.Earlier, Outcome: requestOutcome(e)}
		id, keep := model.AnsweredID(e.Response), ""
		// An id a line already keeps stays in its variable (a capture
		// or a 3D Secure answer names the PaymentIntent it was about).
		if _, kept := rp.vars[id]; !kept && e.Method == "POST" && e.Status < 400 && id != "" && namedAfter(id, s.Requests[i+1:]) {
			keep = rp.varName(id)
		}
		rq.Repro = rp.repro(e, keep)
		if rq.Repro.Keeps != "" {
			rp.vars[id] = rq.Repro.Keeps
		}
		r.Requests = append(r.Requests, rq)
		if x := model.ErrorOf(e); x != nil {
			// A decline is explained by the token's card, as the CLI and
			// the TUI explain it (several test cards share a code).
			x.ExplainCardAt(obj, "card")
			r.Errors = append(r.Errors, reportError(e.Method+" "+e.Path, x, e.Time))
			intents.refused(e, x)
		} else if x := intents.answered(e); x != nil {
			r.Errors = append(r.Errors, reportError(e.Method+" "+e.Path, x, e.Time))
		}
	}
	r.Errors = append(r.Errors, unloggedRefusals(rec.Uses, s.Requests, obj)...)
	r.Errors = append(r.Errors, unloggedSteps(rec.Steps, s.Requests, obj)...)
	return r
}

// reportError is error x, met by request (or a recorded use) at at, as
// the report tells it.
func reportError(request string, x *model.Error, at time.Time) ReportError {
	return ReportError{Request: Clean(request), Type: Clean(x.Type), Code: Clean(x.Code), DeclineCode: Clean(x.DeclineCode),
		Param: Clean(x.Param), Message: Clean(x.Message), Why: Clean(x.Why), Next: Clean(x.Next), RequestID: Clean(x.RequestID), At: at.UTC()}
}

// unloggedRefusals are the refusals the token's uses recorded whose
// request the log no longer holds (it keeps the newest requests only):
// what the state recorded of them, explained.
func unloggedRefusals(uses []model.Use, logged []model.LoggedRequest, token model.Fields) []ReportError {
	var out []ReportError
	for _, u := range uses {
		if u.Code == "" || slices.ContainsFunc(logged, func(e model.LoggedRequest) bool { return e.RequestID == u.RequestID }) {
			continue
		}
		x := &model.Error{Code: u.Code, DeclineCode: u.DeclineCode, RequestID: u.RequestID}
		if u.DeclineCode != "" {
			x.Type = model.TypeCardError
		}
		x.Explain()
		x.ExplainCardAt(token, "card")
		out = append(out, reportError("use: "+string(u.Kind), x, u.At))
	}
	return out
}

// namedAfter reports whether a later request names id in its path or
// as a parameter's value.
func namedAfter(id string, later []model.LoggedRequest) bool {
	for _, e := range later {
		if slices.Contains(strings.Split(e.Path, "/"), id) {
			return true
		}
		for _, pair := range strings.Split(e.Body, "&") {
			if _, v, _ := strings.Cut(pair, "="); v == id {
				return true
			}
		}
	}
	return false
}

// requestOutcome is what a request got, in a few words.
func requestOutcome(e model.LoggedRequest) string {
	switch {
	case e.Err != "":
		return "no answer: " + Clean(e.Err)
	case e.Status >= 400:
		x := model.ErrorOf(e)
		return Clean(JoinNonEmpty(fmt.Sprintf("HTTP %d", e.Status), x.Type, x.Code, slashed(x.DeclineCode, x.Code)))
	}
	return fmt.Sprintf("HTTP %d", e.Status)
}

// slashed is "/ decline" when the decline code says more than the code.
func slashed(decline, code string) string {
	if decline == "" || decline == code {
		return ""
	}
	return "/ " + decline
}

// WriteMarkdown writes the report as Markdown, readable as it is when
// pasted into a ticket.
func (r Report) WriteMarkdown(w io.Writer) error {
	var b strings.Builder
	fmt.Fprintf(&b, "# Token %s: %s\n\n", r.TokenID, md(r.Summary))
	fmt.Fprintf(&b, "%s · backend %s · report written %s by tokenscope\n\n", r.Status, md(r.Backend), r.Written.Format(reportTime))
	b.WriteString("## Fields\n\n| field | value |\n|---|---|\n")
	for _, f := range r.Fields {
		fmt.Fprintf(&b, "| %s | %s |\n", md(f.Path), md(f.Value))
	}
	b.WriteString("\n## Uses\n\n")
	if len(r.Uses) == 0 {
		b.WriteString("None recorded.\n")
	}
	for i, u := range r.Uses {
		fmt.Fprintf(&b, "%d. %s", i+1, u.Kind)
		if u.Amount != "" {
			fmt.Fprintf(&b, " %s", u.Amount)
		}
		if u.Became != "" {
			fmt.Fprintf(&b, " → %s", u.Became)
		}
		fmt.Fprintf(&b, ": %s, %s", md(u.Outcome), u.At.UTC().Format(reportTime))
		if u.RequestID != "" {
			fmt.Fprintf(&b, ", request %s", u.RequestID)
		}
		b.WriteString("\n")
	}
	b.WriteString("\n## Errors\n\n")
	if len(r.Errors) == 0 {
		b.WriteString("None.\n")
	}
	for _, e := range r.Errors {
		fmt.Fprintf(&b, "- **%s** %s: type `%s`", e.Request, e.At.Format(reportTime), orNone(e.Type))
		// Stripe sends some refusals with no code: say nothing rather
		// than a code named "none".
		if e.Code != "" {
			fmt.Fprintf(&b, ", code `%s`", e.Code)
		}
		if e.DeclineCode != "" {
			fmt.Fprintf(&b, ", decline code `%s`", e.DeclineCode)
		}
		if e.Param != "" {
			fmt.Fprintf(&b, ", param `%s`", md(e.Param))
		}
		if e.RequestID != "" {
			fmt.Fprintf(&b, ", request %s", e.RequestID)
		}
		b.WriteString("\n")
		if e.Message != "" {
			fmt.Fprintf(&b, "  - Stripe says: %s\n", md(e.Message))
		}
		if e.Why != "" {
			fmt.Fprintf(&b, "  - Why: %s\n", md(e.Why))
		}
		if e.Next != "" {
			fmt.Fprintf(&b, "  - Next: %s\n", md(e.Next))
		}
	}
	b.WriteString("\n## Events\n\n")
	switch {
	case !r.EventsRead:
		fmt.Fprintf(&b, "Could not be read this time: %s. `tokenscope events --for %s` lists them once the API answers; the request ids below find them in the Dashboard's logs too.\n", md(r.EventsErr), r.TokenID)
	case len(r.Events) == 0:
		b.WriteString("None.\n")
	}
	for _, ev := range r.Events {
		fmt.Fprintf(&b, "- %s %s `%s` on %s", ev.Created.Format(reportTime), ev.ID, md(ev.Type), ev.Object)
		if ev.RequestID != "" {
			fmt.Fprintf(&b, ", request %s", ev.RequestID)
		}
		b.WriteString("\n")
		for _, d := range ev.Deliveries {
			fmt.Fprintf(&b, "  - webhook to %s (%s): %s, last %s, %d attempt(s)\n", d.Endpoint, md(d.URL), d.State, md(d.last()), d.Attempts)
		}
	}
	b.WriteString("\n## Requests\n\n")
	if len(r.Requests) == 0 {
		b.WriteString("None in the request log.\n")
	} else {
		b.WriteString("Each request with a curl line and a stripe CLI line that send it again with Stripe's published test data; run in order in one shell, they replay the story. They read the key from `$STRIPE_API_KEY`; curl sends to `$STRIPE_API_BASE` when it is set (`tokenscope emulator`'s URL, say), else to api.stripe.com; a line for the emulator's own 3D Secure page needs `$STRIPE_API_BASE` and has no stripe CLI line.\n")
	}
	for i, q := range r.Requests {
		fmt.Fprintf(&b, "\n### %d. %s %s\n\n%s · %s", i+1, q.Method, md(q.Path), q.At.Format(reportTime), md(q.Outcome))
		if q.RequestID != "" {
			fmt.Fprintf(&b, " · request %s", q.RequestID)
		}
		b.WriteString("\n")
		if q.Repro.Note != "" {
			fmt.Fprintf(&b, "\n_%s_\n", md(q.Repro.Note))
		}
		for _, line := range []string{q.Repro.Curl, q.Repro.Stripe} {
			if line != "" {
				fmt.Fprintf(&b, "\n```sh\n%s\n```\n", line)
			}
		}
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// reportTime is how a report writes times: UTC, to the second.
const reportTime = "2006-01-02 15:04:05 UTC"

func orNone(s string) string {
	if s == "" {
		return "none"
	}
	return s
}

// md keeps a value from breaking the Markdown around it: a table cell,
// a code span, a line.
func md(s string) string {
	return strings.NewReplacer("|", `\|`, "`", "'", "\n", " ").Replace(Clean(s))
}
