package views

import (
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/tokenscope/tokenscope/model"
)

// A drift line carries the id whole: headless output never shortens one.
func TestDriftString(t *testing.T) {
	cases := []struct {
		d    model.Drift
		want string
	}{
		{model.Drift{ID: "tok_1QxYa1BcDeFgHiJkLmNoPqRs", Field: "used", From: "false", To: "true"}, "~ tok_1QxYa1BcDeFgHiJkLmNoPqRs   used: false -> true"},
		{model.GoneDrift(model.Record{ID: "btok_1QxXz9AaBbCcDdEeFfGgHhIi"}, "resource_missing"), "- btok_1QxXz9AaBbCcDdEeFfGgHhIi   no longer exists (resource_missing)"},
		{model.Drift{ID: "tok_visa", Field: "used", From: "false", To: "true"}, "~ tok_visa   used: false -> true"},
		{model.Drift{ID: "tok_visa", Gone: true}, "- tok_visa   no longer exists"},
	}
	for _, c := range cases {
		if got := strings.TrimPrefix(DriftLine(c.d).String(), "  "); got != c.want {
			t.Errorf("String() = %q, want %q", got, c.want)
		}
	}
}

// The report of screens.md, "Refresh with drift".
func TestRefreshReportMatchesScreen(t *testing.T) {
	r := model.RefreshReport{
		Total:   7,
		Elapsed: 400 * time.Millisecond,
		Drifts: []model.Drift{
			{ID: "tok_1QxYa1BcDeFgHiJkLmNoPqRs", Field: "used", From: "false", To: "true"},
			model.GoneDrift(model.Record{ID: "btok_1QxXz9AaBbCcDdEeFfGgHhIi"}, "resource_missing"),
		},
	}
	var b strings.Builder
	_ = WriteRefresh(&b, r)
	diffText(t, b.String(), `Refreshed 7 tokens in 400ms.
  ~ tok_1QxYa1BcDeFgHiJkLmNoPqRs    used: false -> true
  - btok_1QxXz9AaBbCcDdEeFfGgHhIi   no longer exists (resource_missing)
Refresh: 1 changed, 1 gone, 5 unchanged.
`)
}

func TestRefreshReportCountsAndErrors(t *testing.T) {
	r := model.RefreshReport{
		Total:   4,
		Elapsed: 1250 * time.Millisecond,
		Drifts: []model.Drift{
			{ID: "tok_a", Field: "used", From: "false", To: "true"},
			{ID: "tok_a", Field: "card.cvc_check", From: "unchecked", To: "pass"},
		},
		Errors: map[string]error{"tok_z": errors.New("api_connection_error: connection refused"), "tok_b": errors.New("rate_limit")},
	}
	changed, gone, failed, unchanged := r.Counts()
	if changed != 1 || gone != 0 || failed != 2 || unchanged != 1 {
		t.Errorf("Counts = %d %d %d %d, want 1 0 2 1", changed, gone, failed, unchanged)
	}
	var b strings.Builder
	_ = WriteRefresh(&b, r)
	diffText(t, b.String(), `Refreshed 2 of 4 tokens in 1.2s.
  ~ tok_a   used: false -> true
  ~ tok_a   card.cvc_check: unchecked -> pass
  ! tok_b   rate_limit
  ! tok_z   api_connection_error: connection refused
Refresh: 1 changed, 0 gone, 1 unchanged, 2 failed.
`)
	b.Reset()
	_ = WriteRefresh(&b, model.RefreshReport{Total: 1})
	diffText(t, b.String(), "Refreshed 1 token in 0ms.\nRefresh: 0 changed, 0 gone, 1 unchanged.\n")
	b.Reset()
	// A refresh that failed did not refresh: the headline says 0 of 1 token.
	_ = WriteRefresh(&b, model.RefreshReport{Total: 1, Elapsed: 12 * time.Millisecond, Errors: map[string]error{"tok_a": errors.New("rate_limit")}})
	diffText(t, b.String(), "Refreshed 0 of 1 token in 12ms.\n  ! tok_a   rate_limit\nRefresh: 0 changed, 0 gone, 0 unchanged, 1 failed.\n")
}
