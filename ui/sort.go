package ui

import (
	"cmp"
	"slices"
	"strings"

	"github.com/tokenscope/tokenscope/model"
)

// sortKey is how the list is ordered; o cycles through them in this order.
type sortKey int

const (
	sortNewest sortKey = iota // the state's order (tokenscope list)
	sortOldest
	sortID
	sortKind
	sortUsed // used, then unused, then gone
	numSorts
)

var sortNames = [numSorts]string{"newest first", "oldest first", "by id", "by kind", "used first"}

func (k sortKey) String() string { return sortNames[k] }

// column is the column whose title carries the sort marker.
func (k sortKey) column() col {
	switch k {
	case sortID:
		return colID
	case sortKind:
		return colKind
	case sortUsed:
		return colUsed
	}
	return colAge
}

// mark is the sorted column's marker: ▴ for the oldest first (AGE is
// the same column as newest first), ▾ for the others.
func (k sortKey) mark() string {
	if k == sortOldest {
		return "▴"
	}
	return "▾"
}

// next is the sort after k, round again after the last.
func (k sortKey) next() sortKey { return (k + 1) % numSorts }

// orderOf is the indices of tokens in the order k sorts them; nil for
// newest first, which is the order the state keeps. Ties keep that order,
// so each kind or status group is newest first too.
func orderOf(tokens []model.Record, k sortKey) []int {
	if k == sortNewest {
		return nil
	}
	order := make([]int, len(tokens))
	for i := range order {
		order[i] = i
	}
	if k == sortOldest {
		slices.Reverse(order)
		return order
	}
	slices.SortStableFunc(order, func(a, b int) int {
		ta, tb := &tokens[a], &tokens[b]
		switch k {
		case sortID:
			return strings.Compare(ta.ID, tb.ID)
		case sortKind:
			return strings.Compare(ta.Type.Short(), tb.Type.Short())
		}
		return cmp.Compare(usedRank(ta), usedRank(tb))
	})
	return order
}

func usedRank(r *model.Record) int {
	switch {
	case r.Gone:
		return 2
	case r.Used:
		return 0
	}
	return 1
}
