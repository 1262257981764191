package emulator

import (
	"math"
	"net/http"
	"slices"
	"strconv"

	"github.com/tokenscope/tokenscope/model"
)

// listJSON is Stripe's list object.
type listJSON struct {
	Object  string `json:"object"`
	Data    []any  `json:"data"`
	HasMore bool   `json:"has_more"`
	URL     string `json:"url"`
}

// Every list takes these; the filters are each list's own.
var (
	pageParams    = []string{"limit", "starting_after", "ending_before", "expand["}
	createdParams = []string{"created", "created[gt]", "created[gte]", "created[lt]", "created[lte]"}
)

const (
	defaultLimit = 10
	maxLimit     = 100
)

// page is what a list request asks for: up to limit objects just past a
// cursor, starting_after going to older objects and ending_before to
// newer ones.
type page struct {
	limit         int
	after, before string
}

func readPage(p params) (page, *model.Error) {
	pg := page{limit: defaultLimit, after: p.get("starting_after"), before: p.get("ending_before")}
	n, ok, aerr := p.integer("limit")
	switch {
	case aerr != nil:
		return pg, aerr
	case ok && n < 1:
		return pg, invalid("", "limit", "This value must be greater than or equal to 1.")
	case ok && n > maxLimit:
		return pg, invalid("", "limit", "This value must be less than or equal to "+strconv.Itoa(maxLimit)+".")
	case ok:
		pg.limit = int(n)
	}
	if pg.after != "" && pg.before != "" {
		return pg, invalid("", "ending_before", "You may only specify one of these parameters: ending_before, starting_after.")
	}
	return pg, nil
}

// created is a filter on created times: created=<t> or created[gt]=<t>,
// [gte], [lt], [lte], in unix seconds.
type created struct {
	bounds []bound
}

type bound struct {
	op string
	t  int64
}

// readListing reads what every list filtered by created takes: the page
// and the created range.
func readListing(p params) (page, created, *model.Error) {
	pg, aerr := readPage(p)
	if aerr != nil {
		return page{}, created{}, aerr
	}
	cr, aerr := readCreated(p)
	return pg, cr, aerr
}

func readCreated(p params) (created, *model.Error) {
	var c created
	for _, op := range []string{"", "gt", "gte", "lt", "lte"} {
		key := "created"
		if op != "" {
			key += "[" + op + "]"
		}
		t, ok, aerr := p.integer(key)
		if aerr != nil {
			return c, aerr
		}
		if ok {
			c.bounds = append(c.bounds, bound{op, t})
		}
	}
	return c, nil
}

// lowest is the earliest time c holds (math.MinInt64 when unbounded).
func (c created) lowest() int64 {
	low := int64(math.MinInt64)
	for _, b := range c.bounds {
		switch b.op {
		case "", "gte":
			low = max(low, b.t)
		case "gt":
			low = max(low, b.t+1)
		}
	}
	return low
}

func (c created) holds(t int64) bool {
	for _, b := range c.bounds {
		ok := true
		switch b.op {
		case "":
			ok = t == b.t
		case "gt":
			ok = t > b.t
		case "gte":
			ok = t >= b.t
		case "lt":
			ok = t < b.t
		case "lte":
			ok = t <= b.t
		}
		if !ok {
			return false
		}
	}
	return true
}

// lister is a list as the emulator pages it: its objects newest first.
type lister struct {
	url  string
	what string // the object's name, for "No such <what>: '<id>'"
	// has reports whether a cursor names one of the list's objects.
	has func(id string) bool
	// walk visits the list's objects, rendered, newest first (oldest
	// first when ascending) from just past the object from ("" for the
	// end), until visit returns false.
	walk func(from string, ascending bool, visit func(obj any) bool)
}

// page answers a list request: limit objects past the cursor, newest
// first, and whether there are more beyond them.
func (l lister) page(pg page) (*listJSON, *model.Error) {
	from, cursor, ascending := pg.after, "starting_after", false
	if pg.before != "" {
		from, cursor, ascending = pg.before, "ending_before", true
	}
	if from != "" && !l.has(from) {
		return nil, noSuch(http.StatusBadRequest, l.what, from, cursor)
	}
	out := &listJSON{Object: "list", Data: []any{}, URL: l.url}
	l.walk(from, ascending, func(obj any) bool {
		if len(out.Data) == pg.limit {
			out.HasMore = true
			return false
		}
		out.Data = append(out.Data, obj)
		return true
	})
	if ascending {
		slices.Reverse(out.Data)
	}
	return out, nil
}

// collectionLister lists a collection's records that keep accepts.
func collectionLister[T any](c *call, collection, url, what string, keep func(*T) bool, render func(*T) any) lister {
	return lister{
		url: url, what: what,
		has: func(id string) bool { return c.objs.has(collection, id) },
		walk: func(from string, ascending bool, visit func(any) bool) {
			scan(c.objs, collection, from, ascending, func(rec *T) bool {
				if !keep(rec) {
					return true
				}
				return visit(render(rec))
			})
		},
	}
}

// sliceLister lists objects already gathered, newest first: ids[i] names
// objs[i].
func sliceLister(url, what string, ids []string, objs []any) lister {
	return lister{
		url: url, what: what,
		has: func(id string) bool { return slices.Contains(ids, id) },
		walk: func(from string, ascending bool, visit func(any) bool) {
			i := slices.Index(ids, from)
			for j := range ids {
				if ascending {
					j = len(ids) - 1 - j
				}
				past := from == "" || (ascending && j < i) || (!ascending && j > i)
				if past && !visit(objs[j]) {
					return
				}
			}
		},
	}
}
