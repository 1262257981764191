package common

// ScrollHint says where the rest of a text scrolled in a window is: ""
// when it is all in sight. Every pane that scrolls says it the same way.
func ScrollHint(above, below bool) string {
	switch {
	case below:
		return "↓ more below (↑/↓ scroll)"
	case above:
		return "↑ more above (↑/↓ scroll)"
	}
	return ""
}
