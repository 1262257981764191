package flow

import (
	"strings"
	"testing"
)

// Without colour a placeholder must not read as a value typed: the id
// field is empty, and the example is on a hint line that says it is one.
func TestPlaceholderReadsAsAnExample(t *testing.T) {
	pc, _ := newContext(t, 80, 24, setup{})
	v := NewRetrieve(pc).View()
	for _, line := range strings.Split(v, "\n") {
		if strings.Contains(line, "Token id") && strings.Contains(line, "tok_visa") {
			t.Fatalf("the id field shows an example that reads as a value typed:\n%s", v)
		}
	}
	if !strings.Contains(v, "example: tok_visa") {
		t.Fatalf("no hint line gives the example:\n%s", v)
	}
}
