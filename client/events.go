package client

import (
	"context"
	"encoding/json"
	"net/http"

	"github.com/stripe/stripe-go/v85"
	"github.com/stripe/stripe-go/v85/form"

	"github.com/tokenscope/tokenscope/model"
)

// Events is the part of the API that reads events. It is an interface of
// its own, not part of API, so that fakes of API need not implement it:
// the service asks for it where events are read.
type Events interface {
	// Events is one page of GET /v1/events, newest first.
	Events(ctx context.Context, q EventQuery) (EventPage, error)
}

// EventQuery filters and pages GET /v1/events.
type EventQuery struct {
	Types []string // one type or pattern (type=), or any of these names (types[]); none: every type
	// CreatedGTE keeps events made at or after this unix time (0: all).
	CreatedGTE    int64
	Limit         int    // 1..100; 0 is the API's default (10)
	StartingAfter string // the page after (older than) this event
	EndingBefore  string // the page before (newer than) this event
}

// EventPage is a page of events and whether there are more past it.
type EventPage struct {
	Events  []model.Event
	HasMore bool
}

var _ Events = (*Client)(nil)

// Events lists events (GET /v1/events). A live-mode event is refused, as
// every live-mode answer is.
func (c *Client) Events(ctx context.Context, q EventQuery) (EventPage, error) {
	if c.backend.Publishable {
		return EventPage{}, model.LocalError(model.CodeSecretKey, "key",
			"a secret key (sk_test_ or rk_test_) is needed to read events")
	}
	p := &stripe.EventListParams{}
	if len(q.Types) == 1 {
		p.Type = stripe.String(q.Types[0]) // type= takes a pattern (charge.*), types[] does not
	} else {
		for _, t := range q.Types {
			p.Types = append(p.Types, stripe.String(t))
		}
	}
	if q.CreatedGTE > 0 {
		p.CreatedRange = &stripe.RangeQueryParams{GreaterThanOrEqual: q.CreatedGTE}
	}
	if q.Limit > 0 {
		p.Limit = stripe.Int64(int64(q.Limit))
	}
	if q.StartingAfter != "" {
		p.StartingAfter = stripe.String(q.StartingAfter)
	}
	if q.EndingBefore != "" {
		p.EndingBefore = stripe.String(q.EndingBefore)
	}
	// The list's raw page is read, as V1Events.List's iterator does not
	// show it: a webhook forwards each event exactly as the API sent it.
	values := &form.Values{}
	form.AppendTo(values, p)
	list := &stripe.EventList{}
	if err := c.sc.V1Events.B.CallRaw(http.MethodGet, "/v1/events", c.sc.V1Events.Key, []byte(values.Encode()), &stripe.Params{Context: ctx}, list); err != nil {
		return EventPage{}, c.fromAPI(err)
	}
	res := list.LastResponse
	var page struct {
		Data    []json.RawMessage `json:"data"`
		HasMore bool              `json:"has_more"`
	}
	if err := json.Unmarshal(res.RawJSON, &page); err != nil {
		return EventPage{}, &model.Error{Type: model.TypeAPIError, Message: "decode events: " + err.Error(), RequestID: res.RequestID, HTTPStatus: res.StatusCode}
	}
	out := EventPage{HasMore: page.HasMore}
	for i, raw := range page.Data {
		if i < len(list.Data) && list.Data[i] != nil && list.Data[i].Livemode {
			return EventPage{}, refuseLivemode("event", res.RequestID)
		}
		ev, err := model.NewEvent(raw)
		if err != nil {
			return EventPage{}, &model.Error{Type: model.TypeAPIError, Message: err.Error(), RequestID: res.RequestID, HTTPStatus: res.StatusCode}
		}
		out.Events = append(out.Events, ev)
	}
	return out, nil
}
