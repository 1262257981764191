package service

import (
	"fmt"
	"regexp"
	"slices"
	"strings"

	"github.com/tokenscope/tokenscope/emulator"
	"github.com/tokenscope/tokenscope/model"
	"github.com/tokenscope/tokenscope/views"
)

// eventTypeShape is what any Stripe event type or pattern looks like:
// dotted lower-case words (charge.dispute.created), a * standing for any
// (charge.*), or * alone.
var eventTypeShape = regexp.MustCompile(`^(\*|[a-z_]+(\.([a-z_]+|\*))*)$`)

// CheckEventTypes refuses a type filter that can match nothing: a
// misspelt type would otherwise end in "No events" (events) or forward
// nothing at all (listen), with no hint why. Offline the emulator's own
// types are the whole list, so a type none of them matches is refused
// with the closest one; Stripe sends types this build does not know, so
// elsewhere only the shape is checked.
func (s *Session) CheckEventTypes(types []string) error {
	for _, t := range types {
		if !eventTypeShape.MatchString(t) {
			return fmt.Errorf("%q is not an event type: types are dotted words such as charge.succeeded, or patterns such as charge.*", views.Clean(t))
		}
		if s.Backend().Kind != model.BackendOffline {
			continue
		}
		if !slices.ContainsFunc(emulator.EventTypes, func(known string) bool { return wanted([]string{t}, known) }) {
			return fmt.Errorf("%s", model.Suggested(fmt.Sprintf("the offline emulator makes no event of type %q: it makes %s.", t, strings.Join(families(), ", ")), t, emulator.EventTypes))
		}
	}
	return nil
}

// families are the emulator's types by their first word (charge.*), to
// name them all in one line.
func families() []string {
	var out []string
	for _, t := range emulator.EventTypes {
		f, _, _ := strings.Cut(t, ".")
		if f += ".*"; !slices.Contains(out, f) {
			out = append(out, f)
		}
	}
	return out
}
