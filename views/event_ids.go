package views

import "github.com/tokenscope/tokenscope/model"

// EventIDs are the ids an event's row and detail show, each with what it
// names, in the order a support engineer reaches for them: the event,
// the object it is about, the objects that object names (its customer,
// charge, payment method...), the request that caused it. Each id once:
// y in the events view copies one of them, as Token.IDs for a token.
func EventIDs(ev model.Event) []Field {
	var ids idFields
	ids.add("event", ev.ID)
	ids.add(kindLabel(ev.ObjectID, "object"), ev.ObjectID)
	for _, id := range ev.Links {
		ids.add(kindLabel(id, "object it names"), id)
	}
	ids.add("request that caused it", ev.RequestID)
	return ids.out
}

// kindLabel is what the registry calls the kind of id, or fallback for
// an id of no kind it knows.
func kindLabel(id, fallback string) string {
	if s, ok := model.KindOfID(id); ok {
		return s.Label
	}
	return fallback
}
