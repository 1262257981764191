package ui

import (
	"strings"

	"github.com/charmbracelet/bubbles/key"
	"github.com/charmbracelet/x/ansi"

	"github.com/tokenscope/tokenscope/ui/common"
	"github.com/tokenscope/tokenscope/ui/flow"
)

// helpNote says what the filter matches, under the keys when it fits.
const helpNote = `Filter words match id, type, brand, last4, preset, scenario, what used it; "used" and "unused" match the status.`

// helpGap is the room between two columns of the help.
const helpGap = 3

// openHelp opens the help overlay (?): over the open flow when it shows
// an object, whose keys it names as they act there (b releases an
// authorization); from the list, every key.
func (a *App) openHelp() {
	var offered func() []key.Binding
	if o, ok := a.flow.(flow.KeyOfferer); ok {
		offered = func() []key.Binding { keys, _ := o.OfferedKeys(); return keys }
	}
	// The pager's rows: the body less its title line.
	a.openPager("Keys", func(w int) string {
		var keys []key.Binding
		if offered != nil {
			keys = offered()
		}
		return helpText(a.st, a.keys, keys, w, a.bodyHeight()-1)
	})
	a.pager.overFlow = a.flow != nil
}

// helpText lays out every key of the KeyMap's groups in columns, as
// lazygit and k9s draw their help: each group a block (its title and its
// keys, never apart), blocks stacked down a column while they fit in
// height rows, columns side by side while they fit in width. Where even
// that does not fit, the blocks go one under the other and the pager
// scrolls. offered are the keys of the object shown (KeyMap.Groups).
func helpText(st *common.Styles, k *common.KeyMap, offered []key.Binding, width, height int) string {
	var blocks [][]string
	for _, g := range k.Groups(offered...) {
		keyW := 0
		for _, b := range g.Keys {
			keyW = max(keyW, ansi.StringWidth(b.Help().Key))
		}
		lines := []string{st.PaneTitle.Render(g.Title)}
		for _, b := range g.Keys {
			h := b.Help()
			lines = append(lines, " "+st.Key.Render(h.Key+strings.Repeat(" ", keyW-ansi.StringWidth(h.Key)))+"  "+h.Desc)
		}
		blocks = append(blocks, lines)
	}
	note := st.Muted.Render(common.Wrap(helpNote, max(width, 20)))
	noteRows := strings.Count(note, "\n") + 2 // and a blank line
	if cols, ok := shortestColumns(blocks, width, height-noteRows); ok {
		return cols + "\n\n" + note
	}
	if cols, ok := shortestColumns(blocks, width, height); ok {
		return cols
	}
	var all []string
	for i, b := range blocks {
		if i > 0 {
			all = append(all, "")
		}
		all = append(all, b...)
	}
	return strings.Join(all, "\n") + "\n\n" + note
}

// shortestColumns is the layout of the fewest rows, up to height, that
// fits in width: as many columns as fit, as k9s spreads its help.
func shortestColumns(blocks [][]string, width, height int) (string, bool) {
	for h := 1; h <= height; h++ {
		if cols, ok := helpColumns(blocks, width, h); ok {
			return cols, true
		}
	}
	return "", false
}

// helpColumns stacks blocks into columns of at most height rows (a blank
// line between two blocks) and sets the columns side by side; false when
// they are wider than width or a block is taller than height.
func helpColumns(blocks [][]string, width, height int) (string, bool) {
	var cols [][]string
	for _, b := range blocks {
		if len(b) > height {
			return "", false
		}
		n := len(cols)
		if n > 0 && len(cols[n-1])+1+len(b) <= height {
			cols[n-1] = append(append(cols[n-1], ""), b...)
			continue
		}
		cols = append(cols, append([]string(nil), b...))
	}
	widths, total := make([]int, len(cols)), 0
	for i, c := range cols {
		for _, l := range c {
			widths[i] = max(widths[i], ansi.StringWidth(l))
		}
		total += widths[i]
	}
	if total+helpGap*(len(cols)-1) > width {
		return "", false
	}
	rows := 0
	for _, c := range cols {
		rows = max(rows, len(c))
	}
	out := make([]string, rows)
	for r := range out {
		var b strings.Builder
		for i, c := range cols {
			cell := ""
			if r < len(c) {
				cell = c[r]
			}
			if i < len(cols)-1 {
				cell += strings.Repeat(" ", widths[i]-ansi.StringWidth(cell)+helpGap)
			}
			b.WriteString(cell)
		}
		out[r] = strings.TrimRight(b.String(), " ")
	}
	return strings.Join(out, "\n"), true
}
