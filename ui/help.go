package ui

import (
	"fmt"
	"strings"

	"github.com/charmbracelet/bubbles/key"

	"github.com/tokenscope/tokenscope/ui/common"
)

// helpGroups is the full key list of the help view, from the one KeyMap.
func helpGroups(k *common.KeyMap) []struct {
	title string
	keys  []key.Binding
} {
	return []struct {
		title string
		keys  []key.Binding
	}{
		{"Tokens", []key.Binding{k.New, k.Retrieve, k.Use, k.Refresh, k.RefreshAll, k.Copy, k.Scenario}},
		{"Views", []key.Binding{k.Open, k.JSON, k.Log, k.Events, k.Filter, k.Help, k.Back}},
		{"Moving", []key.Binding{k.Up, k.Down, k.PageUp, k.PageDown, k.Top, k.Bottom}},
		{"Quitting", []key.Binding{k.Quit, k.Interrupt}},
	}
}

// helpText lists every key with what it does, one per line, so it reads in
// any width and scrolls in the pager at small sizes.
func helpText(st *common.Styles, k *common.KeyMap) string {
	var b strings.Builder
	for i, g := range helpGroups(k) {
		if i > 0 {
			b.WriteString("\n")
		}
		b.WriteString(st.PaneTitle.Render(g.title) + "\n")
		for _, kb := range g.keys {
			h := kb.Help()
			fmt.Fprintf(&b, "  %s %s\n", st.Key.Render(fmt.Sprintf("%-8s", h.Key)), h.Desc)
		}
	}
	b.WriteString("\n" + st.Muted.Render("Filter words match id, type, brand, last4, preset; \"used\" and \"unused\" match the status."))
	return b.String()
}
