package cli

import (
	"encoding/json"
	"fmt"
	"slices"
	"strings"

	"github.com/spf13/cobra"

	"github.com/tokenscope/tokenscope/model"
	"github.com/tokenscope/tokenscope/service"
	"github.com/tokenscope/tokenscope/views"
)

// maxEventLimit bounds --limit: events are read back newest first.
const maxEventLimit = 1000

// eventsCmd shows events: a token's story (--for) or the workspace's.
func (a *app) eventsCmd() *cobra.Command {
	var f service.EventFilter
	var follow bool
	c := &cobra.Command{
		Use:   "events [--for ID] [--type T]... [--delivery delivered|failed|delivering|none] [--limit N] [--follow]",
		Short: "Show the events of a token and all it became (--for), or of the workspace, newest first, with their deliveries",
		Long: "Show Stripe's events (evt_): what happened to which object and which request caused it.\n" +
			"--for follows a token (or any object) through what it became: the customer it made, the\n" +
			"charges, payment intents, refunds and disputes. --follow keeps printing new events, oldest\n" +
			"first, as they are made (offline: by any tokenscope on the same state dir). Each event is followed\n" +
			"by its webhook deliveries (to the emulator's endpoints, and to tokenscope listen as listen_…):\n" +
			"state, last status, latency, attempts; --delivery keeps the events they amount to.",
		Args: cobra.NoArgs,
		RunE: func(c *cobra.Command, _ []string) error {
			if f.Limit < 1 || f.Limit > maxEventLimit {
				return usagef(c.CommandPath(), "--limit must be between 1 and %d", maxEventLimit)
			}
			if len(f.Types) > 20 {
				return usagef(c.CommandPath(), "at most 20 --type")
			}
			if f.Delivery != "" && !slices.Contains(model.DeliveryOutcomes, f.Delivery) {
				return usagef(c.CommandPath(), "--delivery is one of %s", strings.Join(model.DeliveryOutcomes, ", "))
			}
			if f.Delivery != "" && follow {
				return usagef(c.CommandPath(), "--delivery shows what deliveries came to; --follow shows events as they are made, before")
			}
			sess, err := a.session()
			if err != nil {
				return err
			}
			if err := sess.CheckEventTypes(f.Types); err != nil {
				return usagef(c.CommandPath(), "--type %v", err)
			}
			if follow {
				return sess.FollowFiltered(c.Context(), f, nil, func(ev model.Event) {
					if a.json {
						fmt.Fprintf(a.stdout, "%s\n", compact(ev.Raw))
						return
					}
					_ = views.WriteLines(a.stdout, views.EventLines([]model.Event{ev})) // a failed write to stdout does not stop the follow
				})
			}
			evs, err := sess.EventsDelivered(c.Context(), f)
			if err != nil {
				return err
			}
			shown := eventsDelivered(evs)
			if a.json {
				return views.WriteJSON(a.stdout, views.EventListJSON(shown))
			}
			if len(evs) == 0 {
				fmt.Fprintln(a.stdout, noEvents(sess, f))
				return nil
			}
			return views.WriteLines(a.stdout, views.EventListLines(shown))
		},
	}
	c.Flags().StringVar(&f.For, "for", "", "a token or object id: its events and those of all it became")
	c.Flags().StringArrayVar(&f.Types, "type", nil, "only events of this type (repeat for several)")
	c.Flags().IntVar(&f.Limit, "limit", service.DefaultEventLimit, "the newest N events")
	c.Flags().StringVar(&f.Delivery, "delivery", "", "only events whose webhook deliveries (endpoints', listen's) came to "+strings.Join(model.DeliveryOutcomes, "|"))
	c.Flags().BoolVar(&follow, "follow", false, "keep printing new events as they are made (until Ctrl-C)")
	a.jsonFlag(c, `print [{"event": <as the API returned it>, "delivery": .., "deliveries": [..]}] (with --follow: each event as returned, one per line)`)
	return c
}

// noEvents says what was looked for and found nothing: the ids a --for
// story was looked for under, or that the state has no record of the id.
func noEvents(sess *service.Session, f service.EventFilter) string {
	what := "the workspace"
	if f.For != "" {
		what = views.Clean(f.For)
		switch ids, kept := sess.EventSeeds(f.For); {
		case !kept:
			what += " (not a token of this workspace's state: only events naming it were looked for)"
		case len(ids) > 1:
			what += " or what it became (" + views.Clean(strings.Join(slices.DeleteFunc(ids[1:], func(id string) bool { return id == "" }), ", ")) + ")"
		}
	}
	if f.Delivery != "" {
		what += " with --delivery " + f.Delivery
	}
	return fmt.Sprintf("No events for %s on %s.", what, sess.Backend().Label())
}

// eventsDelivered are the events and their deliveries as views shows
// them.
func eventsDelivered(evs []service.EventDeliveries) []views.EventDelivered {
	out := make([]views.EventDelivered, 0, len(evs))
	for _, e := range evs {
		v := views.EventDelivered{Event: e.Event, Outcome: e.Outcome()}
		for _, d := range e.Deliveries {
			v.Deliveries = append(v.Deliveries, views.NewDelivered(d))
		}
		out = append(out, v)
	}
	return out
}

// compact is raw JSON on one line.
func compact(raw json.RawMessage) []byte {
	var b []byte
	if out, err := json.Marshal(raw); err == nil {
		b = out
	}
	return b
}
