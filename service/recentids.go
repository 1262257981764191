package service

// maxRecent bounds the event ids a follow remembers having told.
const maxRecent = 1024

// recentIDs are the ids of the events a follow told lately, and of the
// one it began after: a server that ignores ending_before (stripe-mock
// answers every list with the same fixture event) gets none told twice,
// and not that one at all.
type recentIDs struct {
	ids   map[string]bool
	order []string // oldest first
}

// add reports whether id is new, and remembers it (forgetting the oldest
// past maxRecent).
func (r *recentIDs) add(id string) bool {
	if r.ids[id] {
		return false
	}
	if r.ids == nil {
		r.ids = map[string]bool{}
	}
	if len(r.order) == maxRecent {
		delete(r.ids, r.order[0])
		r.order = r.order[1:]
	}
	r.ids[id] = true
	r.order = append(r.order, id)
	return true
}
