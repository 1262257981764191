package flow

import (
	"strings"
	"testing"
)

// Without colour a placeholder must not read as a value typed: it says
// it is an example.
func TestPlaceholderReadsAsAnExample(t *testing.T) {
	pc, _ := newContext(t, 80, 24, setup{})
	if v := NewRetrieve(pc).View(); !strings.Contains(v, "e.g. tok_visa") {
		t.Fatalf("the id field's placeholder reads as a value:\n%s", v)
	}
}
