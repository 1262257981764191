package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// The plan of a pack's steps, as a golden file: each step is a `+`
// change with the object it acts on known after apply, its arguments and
// the request that does it (UPDATE_GOLDEN=1 rewrites the file). Only the
// steps are kept: a preset's expiry moves with the date.
func TestPlanStepsGolden(t *testing.T) {
	s := newSandbox(t)
	var got strings.Builder
	for _, pack := range []string{"pack:3ds", "pack:refunds", "pack:disputes"} {
		got.WriteString("== " + pack + "\n")
		step := false
		for _, line := range strings.Split(s.ok("plan", pack).out, "\n") {
			trimmed := strings.TrimSpace(line)
			switch {
			case strings.HasPrefix(trimmed, "# authenticate."), strings.HasPrefix(trimmed, "# capture."),
				strings.HasPrefix(trimmed, "# refund."), strings.HasPrefix(trimmed, "# dispute."):
				step = true
			case strings.HasPrefix(trimmed, "# "):
				step = false
			case strings.HasPrefix(trimmed, "Plan:"):
				got.WriteString(line + "\n")
			}
			if step {
				got.WriteString(line + "\n")
			}
		}
	}
	golden := filepath.Join("testdata", "plan_steps.golden")
	if os.Getenv("UPDATE_GOLDEN") != "" {
		if err := os.WriteFile(golden, []byte(got.String()), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatal(err)
	}
	if got.String() != string(want) {
		t.Errorf("plan steps differ from %s (UPDATE_GOLDEN=1 rewrites it):\n%s", golden, got.String())
	}
}
