package flow

import (
	"fmt"
	"strings"
	"testing"
)

// sizes are the terminal sizes every golden view is taken at.
var sizes = [][2]int{{80, 24}, {120, 40}}

// down n times.
func down(n int) []string { return strings.Split(strings.Repeat("down ", n), " ")[:n] }

// insufficientFunds is the index of the insufficient_funds card in the
// preset list.
const insufficientFunds = 13

func TestGolden(t *testing.T) {
	cases := []struct {
		name  string
		setup setup
		drive func(t *testing.T, r *run)
	}{
		{"card_preset", setup{}, func(t *testing.T, r *run) {
			r.keys("enter")
			r.keys(down(insufficientFunds)...)
			r.shows("4000 0000 0000 9995")
		}},
		{"card_invalid", setup{}, func(t *testing.T, r *run) {
			r.keys("enter")
			r.shows("┃ Preset")
			r.keys("tab")
			r.shows("┃ Number")
			r.keys("ctrl+u", "4242424242424241", "tab")
			r.shows("incorrect_number")
		}},
		{"plan", setup{}, func(t *testing.T, r *run) {
			r.keys("enter")
			r.keys(down(insufficientFunds)...)
			r.shows("4000 0000 0000 9995")
			r.keys("enter")
			r.shows("Plan: 1 to add")
		}},
		{"create_failed", setup{wrap: refuseRawCards}, func(t *testing.T, r *run) {
			r.keys("enter", "enter")
			r.shows("Plan: 1 to add")
			r.keys("enter")
			r.shows("! ", "everything you typed is kept")
		}},
	}
	for _, c := range cases {
		for _, sz := range sizes {
			t.Run(fmt.Sprintf("%s_%dx%d", c.name, sz[0], sz[1]), func(t *testing.T) {
				pc, _ := newContext(t, sz[0], sz[1], c.setup)
				r := start(t, NewToken(pc), sz[0], sz[1])
				c.drive(t, r)
				requireGolden(t, r.final())
			})
		}
	}
	for _, sz := range sizes {
		t.Run(fmt.Sprintf("use_declined_%dx%d", sz[0], sz[1]), func(t *testing.T) {
			pc, _ := newContext(t, sz[0], sz[1], setup{})
			rec := created(t, pc, "insufficient_funds")
			r := start(t, NewUse(pc, rec), sz[0], sz[1])
			r.keys("enter")
			r.shows("POST /v1/charges")
			r.keys("enter")
			r.shows("charge declined", "any key")
			requireGolden(t, r.final())
		})
	}
}
