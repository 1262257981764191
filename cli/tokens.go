package cli

import (
	"encoding/json"
	"fmt"
	"io"
	"sort"
	"text/tabwriter"
	"time"

	"github.com/spf13/cobra"

	"github.com/tokenscope/tokenscope/model"
	"github.com/tokenscope/tokenscope/service"
	"github.com/tokenscope/tokenscope/views"
)

// getCmd retrieves a token from the API and records it in the state.
func (a *app) getCmd() *cobra.Command {
	c := &cobra.Command{
		Use:   "get ID",
		Short: "Retrieve a token (and record it) or an object (ch_, cus_, pi_, pm_, re_, du_, acct_, ba_, card_, person_, ...) by its id",
		Args:  cobra.ExactArgs(1),
		RunE: func(c *cobra.Command, args []string) error {
			sess, err := a.session()
			if err != nil {
				return err
			}
			if _, fe := model.ObjectKindOf(args[0], model.ParamTokenID); fe == nil {
				obj, err := sess.Object(c.Context(), args[0])
				if err != nil {
					return err
				}
				return a.printObject(obj, "")
			}
			rec, err := sess.Fetch(c.Context(), args[0])
			if err != nil {
				return err
			}
			if a.json {
				return views.WriteJSON(a.stdout, rec.Raw)
			}
			return writeToken(a.stdout, "token", rec)
		},
	}
	a.jsonFlag(c, "print the Token exactly as the API returned it")
	return c
}

// listCmd shows the state's tokens for the chosen backend, newest first.
func (a *app) listCmd() *cobra.Command {
	c := &cobra.Command{
		Use:   "list",
		Short: "List the tokens in the state, newest first (no request is made)",
		Args:  cobra.NoArgs,
		RunE: func(c *cobra.Command, _ []string) error {
			sess, err := a.session()
			if err != nil {
				return err
			}
			tokens, err := sess.Tokens()
			if err != nil {
				return err
			}
			a.notePending(sess)
			if a.json {
				raws := make([]json.RawMessage, 0, len(tokens))
				for _, r := range tokens {
					raws = append(raws, r.Raw)
				}
				return views.WriteJSON(a.stdout, raws)
			}
			label := sess.Backend().Label()
			if len(tokens) == 0 {
				fmt.Fprintf(a.stdout, "No tokens in the state for %s.\nCreate one: tokenscope create card --preset visa\n", label)
				return nil
			}
			return writeList(a.stdout, tokens, label, time.Now())
		},
	}
	a.jsonFlag(c, "print a JSON array of the Tokens as the API returned them")
	return c
}

// writeList prints the tokens as the TUI's list does: a glyph and a word
// for used, the age, the summary.
func writeList(w io.Writer, recs []model.Record, label string, now time.Time) error {
	used := 0
	for _, r := range recs {
		if r.Used {
			used++
		}
	}
	fmt.Fprintf(w, "%d %s · %d used · %s\n", len(recs), views.Plural(len(recs), "token", "tokens"), used, label)
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "ID\tTYPE\tUSED\tAGE\tSUMMARY")
	for _, r := range recs {
		status := views.UsedWord(r.Used)
		if r.Gone {
			status = "- gone"
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\n", views.Clean(r.ID), views.Clean(r.Type.Short()), status, age(now, r.Created), views.Clean(r.Summary))
	}
	return tw.Flush()
}

// age is a short relative time: 45s, 12m, 3h, 9d.
func age(now time.Time, created int64) string {
	if created == 0 {
		return "-"
	}
	d := now.Sub(time.Unix(created, 0))
	switch {
	case d < time.Minute:
		return fmt.Sprintf("%ds", max(0, int(d.Seconds())))
	case d < time.Hour:
		return fmt.Sprintf("%dm", int(d.Minutes()))
	case d < 48*time.Hour:
		return fmt.Sprintf("%dh", int(d.Hours()))
	}
	return fmt.Sprintf("%dd", int(d.Hours()/24))
}

// refreshCmd re-reads tokens from the API and shows the drift.
func (a *app) refreshCmd() *cobra.Command {
	c := &cobra.Command{
		Use:   "refresh [ID...]",
		Short: "Re-read tokens from the API (all of the state by default), show and record drift",
		RunE: func(c *cobra.Command, args []string) error {
			sess, err := a.session()
			if err != nil {
				return err
			}
			a.stream = a.json
			var ids []string
			if len(args) > 0 {
				ids = args
			}
			progress, end := a.refreshProgress()
			report, err := sess.Refresh(c.Context(), ids, progress)
			end()
			if err != nil {
				return err
			}
			if a.json {
				if err := writeRefreshJSON(a.stdout, report); err != nil {
					return err
				}
			} else if err := views.WriteRefresh(a.stdout, report); err != nil {
				return err
			}
			return refreshFailure(report)
		},
	}
	a.jsonFlag(c, "print JSON lines: version, resource_drift per drift, change_summary")
	return c
}

// writeRefreshJSON writes the report as Terraform's refresh-only stream.
func writeRefreshJSON(w io.Writer, r model.RefreshReport) error {
	j := views.NewJSONUI(w, Version)
	for _, d := range r.Drifts {
		j.ResourceDrift(d)
	}
	for _, id := range sortedKeys(r.Errors) {
		j.Diagnostic("error", "refresh "+id, r.Errors[id].Error())
	}
	for _, key := range sortedKeys(r.Unsent) {
		j.Diagnostic("error", "send again "+key, r.Unsent[key].Error())
	}
	changed, gone, _, _ := r.Counts()
	j.ChangeSummary(0, changed, gone, "refresh")
	return j.Err()
}

// refreshFailure is the error a refresh exits with when some tokens could
// not be read: the first, by id, so the exit code says why.
func refreshFailure(r model.RefreshReport) error {
	if keys := sortedKeys(r.Unsent); len(keys) > 0 {
		return fmt.Errorf("%d interrupted request(s) could not be sent again and recorded; %s: %w", len(keys), keys[0], r.Unsent[keys[0]])
	}
	ids := sortedKeys(r.Errors)
	if len(ids) == 0 {
		return nil
	}
	return fmt.Errorf("%d of %d tokens could not be refreshed; %s: %w", len(ids), r.Total, ids[0], r.Errors[ids[0]])
}

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

// notePending says on stderr which requests the state holds without an
// answer: those the next write sends again, and those left to the user.
func (a *app) notePending(sess *service.Session) {
	pending, err := sess.Pending()
	if err != nil {
		return
	}
	for _, p := range pending {
		what := "the next command that writes the state sends it again with its key"
		if p.Unresolved != "" {
			what = "not sent again: " + p.Unresolved + "; once checked, tokenscope state rm " + p.Key
		}
		fmt.Fprintln(a.stderr, views.CleanLines(fmt.Sprintf("note: pending request %s (Idempotency-Key %s): %s", p.Summary, p.Key, what)))
	}
}
