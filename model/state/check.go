package state

import (
	"fmt"
	"maps"
	"slices"

	"github.com/tokenscope/tokenscope/model"
)

// check refuses what no tokenscope writes: a null workspace, a token
// without an id, a pending request without its key or its op.
// Decoded as zero values they were shown as a "?" row and sent again as
// a request 2,562,047 hours old; refused, the file is named (Load) and
// nothing is changed.
func (s *State) check() error {
	for _, name := range slices.Sorted(maps.Keys(s.Workspaces)) {
		w := s.Workspaces[name]
		if w == nil {
			return fmt.Errorf("workspaces[%q] is null", name)
		}
		for i, t := range w.Tokens {
			if t.ID == "" {
				return fmt.Errorf("workspaces[%q].tokens[%d] has no id (a null, or not a token)", name, i)
			}
		}
		for i, p := range w.Pending {
			if p.Key == "" || (p.Op != model.PendingCreate && p.Op != model.PendingUse && p.Op != model.PendingMove) {
				return fmt.Errorf("workspaces[%q].pending[%d] is not a pending request (a null, or no idempotency_key or op)", name, i)
			}
		}
	}
	return nil
}
