package ui

import (
	"context"
	"strings"
	"testing"

	"github.com/tokenscope/tokenscope/model"
)

// The detail beside the list wraps a value over the lines it needs, up
// to previewValueLines: at 120x40 a declined card's USED line was cut
// before its decline code, and a 3D Secure test card's note mid-way.
func TestDetailPreviewWrapsValuesWhole(t *testing.T) {
	s := newSession(t, nil)
	chargeOn(t, s, "insufficient_funds")
	req, err := model.FromPreset("threeds_always")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.Create(context.Background(), req, ""); err != nil {
		t.Fatal(err)
	}
	a := newApp(t, s, 120, 40)
	v := a.View()
	if !strings.Contains(v, "authentication_required") || strings.Contains(v, "…") {
		t.Errorf("the 3D Secure card's note is cut:\n%s", v)
	}
	press(t, a, "j") // the declined card
	v = a.View()
	if !strings.Contains(v, "insufficient_funds)") || strings.Contains(v, "…") {
		t.Errorf("the USED line lost its decline code:\n%s", v)
	}
}
