package flow

import (
	"strings"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/huh"
	"github.com/charmbracelet/x/ansi"
)

// choice is an inline select among fixed words (individual / company),
// on one line as the inputs are: "Holder type  individual". huh v1.0.0
// draws a select's title on a line of its own, inline or not, which left
// the value alone on the line under its title.
func choice(title string, v *string, words ...string) huh.Field {
	sel := huh.NewSelect[string]().Inline(true).Options(huh.NewOptions(words...)...).Value(v)
	return &inlineChoice{Select: sel, title: title}
}

// inlineChoice draws huh's untitled Select with the title put in after
// the field's left frame (border and padding), styled as huh would.
type inlineChoice struct {
	*huh.Select[string]
	title   string
	theme   *huh.Theme
	focused bool
}

// View implements huh.Field.
func (c *inlineChoice) View() string {
	v := c.Select.View()
	if c.theme == nil {
		return label(c.title) + v
	}
	style := c.theme.Blurred.Title
	if c.focused {
		style = c.theme.Focused.Title
	}
	frame := c.theme.Focused.Base.GetHorizontalFrameSize()
	first, rest, more := strings.Cut(v, "\n")
	first = ansi.Truncate(first, frame, "") + style.Render(label(c.title)) + ansi.TruncateLeft(first, frame, "")
	if more {
		return first + "\n" + rest
	}
	return first
}

// Update implements huh.Field: the form keeps what Update returns.
func (c *inlineChoice) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	_, cmd := c.Select.Update(msg)
	return c, cmd
}

// Focus, Blur and the With methods keep what View needs, and return the
// field itself, not the Select inside it.
func (c *inlineChoice) Focus() tea.Cmd { c.focused = true; return c.Select.Focus() }
func (c *inlineChoice) Blur() tea.Cmd  { c.focused = false; return c.Select.Blur() }
func (c *inlineChoice) WithTheme(t *huh.Theme) huh.Field {
	c.theme = t
	c.Select.WithTheme(t)
	return c
}
func (c *inlineChoice) WithWidth(w int) huh.Field {
	c.Select.WithWidth(max(w-labelWidth, 1))
	return c
}
func (c *inlineChoice) WithHeight(h int) huh.Field {
	c.Select.WithHeight(h)
	return c
}
func (c *inlineChoice) WithKeyMap(k *huh.KeyMap) huh.Field {
	c.Select.WithKeyMap(k)
	return c
}
