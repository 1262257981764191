package scenario

import (
	"strings"
	"testing"
)

// A file over the bound is said to be larger than it, not given a size
// that is the bound plus one (the read stops there).
func TestTooLargeFileNamesTheBound(t *testing.T) {
	_, diags := Parse("huge.hcl", []byte(strings.Repeat("#", MaxSourceBytes+1)))
	if !diags.HasErrors() || !strings.Contains(diags.Error(), "larger than 1048576 bytes") || strings.Contains(diags.Error(), "1048577") {
		t.Errorf("%v", diags)
	}
}
