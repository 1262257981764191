package model

import (
	"encoding/json"
	"strings"
)

// Story is everything known of one token for a report: the token as the
// state records it (its uses too), the requests of the request log that
// touched it or what it became, in the order they were sent, and the
// events of those objects.
type Story struct {
	Token    Record
	Backend  Backend
	Requests []LoggedRequest
	// Events are the backend's events of the token and what it became,
	// oldest first. EventsRead says they were read; when not, EventsErr
	// says why, and the report says it could not list them rather than
	// that there were none.
	Events     []Event
	EventsRead bool
	EventsErr  string
	// Deliveries are the events' webhook deliveries, by event id.
	Deliveries map[string][]Delivery
}

// Touched are the ids a token's story follows: the token, what its uses
// made, and, through the log, what requests on those made in turn (a
// refund of its charge): a request that names one of them (in its path,
// body or answer) is part of the story, and the id of the object it
// answered with joins them. It returns those requests, in log order.
func Touched(r Record, log []LoggedRequest) []LoggedRequest {
	ids := map[string]bool{r.ID: true}
	for _, u := range r.Uses {
		// A SetupIntent use's customer is made with nothing naming the
		// token: it joins the story by the use's record.
		for _, id := range []string{u.ObjectID, u.Customer} {
			if id != "" {
				ids[id] = true
			}
		}
	}
	in := make([]bool, len(log))
	for grew := true; grew; {
		grew = false
		for i, e := range log {
			if in[i] || !namesAny(e, ids) {
				continue
			}
			in[i] = true
			if id := AnsweredID(e.Response); id != "" && !ids[id] {
				ids[id], grew = true, true
			}
		}
	}
	var out []LoggedRequest
	for i, e := range log {
		if in[i] {
			out = append(out, e)
		}
	}
	return out
}

func namesAny(e LoggedRequest, ids map[string]bool) bool {
	for id := range ids {
		if mentions(e.Path, id) || mentions(e.Body, id) || mentions(e.Response, id) {
			return true
		}
	}
	return false
}

// mentions reports whether text holds id as a whole word (tok_1 is not
// named by tok_12).
func mentions(text, id string) bool {
	for from := 0; ; {
		i := strings.Index(text[from:], id)
		if i < 0 {
			return false
		}
		i += from
		end := i + len(id)
		if (i == 0 || !isIDByte(text[i-1])) && (end == len(text) || !isIDByte(text[end])) {
			return true
		}
		from = i + 1
	}
}

func isIDByte(c byte) bool { return isAlnum(c) || c == '_' }

// AnsweredID is the id of the object an answer holds, "" for an error
// or a list.
func AnsweredID(body string) string {
	var head struct {
		ID     string `json:"id"`
		Object string `json:"object"`
	}
	if json.Unmarshal([]byte(body), &head) != nil || head.Object == "list" {
		return ""
	}
	return head.ID
}

// ErrorOf is the error a logged request was answered with, in Stripe's
// shape and explained; nil for a request that succeeded or got no answer
// a person could read.
func ErrorOf(e LoggedRequest) *Error {
	if e.Status < 400 {
		return nil
	}
	var body struct {
		Error struct {
			Type        string `json:"type"`
			Code        string `json:"code"`
			DeclineCode string `json:"decline_code"`
			Param       string `json:"param"`
			Message     string `json:"message"`
			Charge      string `json:"charge"`
		} `json:"error"`
	}
	_ = json.Unmarshal([]byte(e.Response), &body)
	b := body.Error
	err := &Error{Type: b.Type, Code: b.Code, DeclineCode: b.DeclineCode, Param: b.Param, Message: b.Message,
		Charge: b.Charge, RequestID: e.RequestID, HTTPStatus: e.Status}
	err.Explain()
	return err
}
