package model

import (
	"strings"
	"testing"
)

// A misspelt preset gets the closest name, as a scenario file's does.
func TestUnknownPresetSuggests(t *testing.T) {
	_, err := FromPreset("vias")
	if err == nil || !strings.Contains(err.Error(), `Did you mean "visa"?`) {
		t.Errorf("%v", err)
	}
}
